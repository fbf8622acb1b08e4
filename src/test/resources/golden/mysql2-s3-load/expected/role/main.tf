terraform {
  required_version = ">= 1.2.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0.0"
    }
  }
}

provider "aws" {
  region              = "eu-central-1"
  allowed_account_ids = ["012345678901"]
}

data "aws_iam_policy" "s3" {
  arn = "arn:aws:iam::012345678901:policy/AuroraS3Access"
}

resource "aws_iam_role" "aurora" {
  name = "RDSLoadFromS3"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "rds.amazonaws.com"
        }
        Action = "sts:AssumeRole"
        Condition = {
          ArnLike = {
            "aws:SourceArn" = "arn:aws:rds:eu-central-1:012345678901:cluster:ledger-v2"
          }
          StringEquals = {
            "aws:SourceAccount" = "012345678901"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "aurora_s3" {
  role       = aws_iam_role.aurora.name
  policy_arn = data.aws_iam_policy.s3.arn
}

output "aurora_role_arn" {
  description = "The ARN of the role RDSLoadFromS3."
  value       = aws_iam_role.aurora.arn
}
