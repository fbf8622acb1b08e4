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

resource "aws_iam_policy" "s3" {
  name = "AuroraS3Access"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws:s3:::ledger-feeds"
        Condition = {
          StringLike = {
            "s3:prefix" = ["incoming*"]
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:GetObjectVersion"]
        Resource = "arn:aws:s3:::ledger-feeds/incoming*"
      },
    ]
  })
}

output "s3_policy_arn" {
  description = "The ARN of the policy AuroraS3Access."
  value       = aws_iam_policy.s3.arn
}
