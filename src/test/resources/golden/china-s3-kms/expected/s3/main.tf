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

resource "aws_iam_policy" "s3" {
  name = "AuroraS3Access"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws-cn:s3:::payments-cn-imports"
        Condition = {
          StringLike = {
            "s3:prefix" = ["daily/*"]
          }
        }
      },
      {
        Effect = "Allow"
        Action = [
          "s3:GetObject",
          "s3:GetObjectVersion",
          "s3:PutObject",
          "s3:AbortMultipartUpload",
          "s3:ListMultipartUploadParts",
          "s3:DeleteObject",
        ]
        Resource = "arn:aws-cn:s3:::payments-cn-imports/daily/*"
      },
    ]
  })
}

output "s3_policy_arn" {
  description = "The ARN of the policy AuroraS3Access."
  value       = aws_iam_policy.s3.arn
}
