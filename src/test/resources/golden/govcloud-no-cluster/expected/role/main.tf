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
  region              = "us-gov-east-1"
  allowed_account_ids = ["777788889999"]
}

data "aws_iam_policy" "kms" {
  arn = "arn:aws-us-gov:iam::777788889999:policy/GovRDSKMSKey"
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
          StringEquals = {
            "aws:SourceAccount" = "777788889999"
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
  description = "The ARN of the role RDSLoadFromS3."
  value       = aws_iam_role.aurora.arn
}
