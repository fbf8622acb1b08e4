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
  region              = "us-east-1"
  allowed_account_ids = ["444455556666"]
}

data "aws_iam_policy" "s3_import" {
  arn = "arn:aws:iam::444455556666:policy/rds-s3-import-policy"
}

data "aws_iam_policy" "s3_export" {
  arn = "arn:aws:iam::444455556666:policy/rds-s3-export-policy"
}

resource "aws_iam_role" "s3_import" {
  name = "rds-s3-import-role"
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
            "aws:SourceArn" = "arn:aws:rds:us-east-1:444455556666:cluster:analytics-prod"
          }
          StringEquals = {
            "aws:SourceAccount" = "444455556666"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "s3_import" {
  role       = aws_iam_role.s3_import.name
  policy_arn = data.aws_iam_policy.s3_import.arn
}

resource "aws_iam_role" "s3_export" {
  name = "rds-s3-export-role"
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
            "aws:SourceArn" = "arn:aws:rds:us-east-1:444455556666:cluster:analytics-prod"
          }
          StringEquals = {
            "aws:SourceAccount" = "444455556666"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "s3_export" {
  role       = aws_iam_role.s3_export.name
  policy_arn = data.aws_iam_policy.s3_export.arn
}

output "s3_import_role_arn" {
  description = "The ARN of the role rds-s3-import-role."
  value       = aws_iam_role.s3_import.arn
}

output "s3_export_role_arn" {
  description = "The ARN of the role rds-s3-export-role."
  value       = aws_iam_role.s3_export.arn
}
