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

resource "aws_iam_policy" "kms" {
  # IAM cannot change a description: a new one makes Terraform replace the policy.
  name        = "CnRDSKMS"
  description = "Team's \"backup\" key | *prod* <b>bold</b> [x](javascript:alert(1)) $(rm -rf /) `id` & done"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = "arn:aws-cn:kms:cn-north-1:333344445555:key/c0ffee00-1234-4abc-8def-0123456789ab"
      },
    ]
  })
}

output "kms_policy_arn" {
  description = "The ARN of the policy CnRDSKMS."
  value       = aws_iam_policy.kms.arn
}
