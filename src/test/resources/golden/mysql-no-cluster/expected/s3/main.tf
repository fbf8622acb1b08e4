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
  region              = "ap-southeast-2"
  allowed_account_ids = ["444455556666"]
}

resource "aws_iam_policy" "s3" {
  name = "AuroraS3Access"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws:s3:::reports-drop"
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:GetObjectVersion"]
        Resource = "arn:aws:s3:::reports-drop/*"
      },
    ]
  })
}

output "s3_policy_arn" {
  description = "The ARN of the policy AuroraS3Access."
  value       = aws_iam_policy.s3.arn
}
