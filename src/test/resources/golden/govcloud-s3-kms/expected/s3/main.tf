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

resource "aws_iam_policy" "s3" {
  name = "GovAuroraS3Access"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws-us-gov:s3:::payments-gov-imports"
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:GetObjectVersion"]
        Resource = "arn:aws-us-gov:s3:::payments-gov-imports/*"
      },
    ]
  })
}

output "s3_policy_arn" {
  description = "The ARN of the policy GovAuroraS3Access."
  value       = aws_iam_policy.s3.arn
}
