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

resource "aws_iam_policy" "s3_import" {
  name = "rds-s3-import-policy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws:s3:::analytics-lake"
        Condition = {
          StringLike = {
            "s3:prefix" = ["exports/*"]
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::analytics-lake/exports/*"
      },
      {
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = "arn:aws:kms:us-east-1:444455556666:key/7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9"
      },
    ]
  })
}

resource "aws_iam_policy" "s3_export" {
  name = "rds-s3-export-policy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:AbortMultipartUpload"]
        Resource = "arn:aws:s3:::analytics-lake/exports/*"
      },
      {
        Effect   = "Allow"
        Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource = "arn:aws:kms:us-east-1:444455556666:key/7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9"
      },
    ]
  })
}

output "s3_import_policy_arn" {
  description = "The ARN of the policy rds-s3-import-policy."
  value       = aws_iam_policy.s3_import.arn
}

output "s3_export_policy_arn" {
  description = "The ARN of the policy rds-s3-export-policy."
  value       = aws_iam_policy.s3_export.arn
}
