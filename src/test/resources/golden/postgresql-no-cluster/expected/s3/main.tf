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
  region              = "cn-north-1"
  allowed_account_ids = ["333344445555"]
}

resource "aws_iam_policy" "s3_import" {
  name = "rds-s3-import-policy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws-cn:s3:::reports-cn"
        Condition = {
          StringLike = {
            "s3:prefix" = ["daily/*"]
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws-cn:s3:::reports-cn/daily/*"
      },
      {
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = "arn:aws-cn:kms:cn-north-1:333344445555:key/c0ffee00-1234-4abc-8def-0123456789ab"
      },
    ]
  })
}

output "s3_import_policy_arn" {
  description = "The ARN of the policy rds-s3-import-policy."
  value       = aws_iam_policy.s3_import.arn
}
