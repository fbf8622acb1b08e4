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
  region              = "us-gov-west-1"
  allowed_account_ids = ["012345678901"]
}

data "aws_iam_policy" "kms" {
  arn = "arn:aws-us-gov:iam::012345678901:policy/GovRDSKMS"
}

resource "aws_iam_role" "aurora" {
  name = "GovRDSS3Access"
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
            "aws:SourceArn" = "arn:aws-us-gov:rds:us-gov-west-1:012345678901:cluster:payments-gov"
          }
          StringEquals = {
            "aws:SourceAccount" = "012345678901"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "aurora_kms" {
  role       = aws_iam_role.aurora.name
  policy_arn = data.aws_iam_policy.kms.arn
}

output "aurora_role_arn" {
  description = "The ARN of the role GovRDSS3Access."
  value       = aws_iam_role.aurora.arn
}
