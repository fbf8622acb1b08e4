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
  name = "AmazonRDSKMSKey"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = "arn:aws-cn:kms:cn-north-1:333344445555:key/c0ffee00-1234-4abc-8def-0123456789ab"
      },
    ]
  })
}

output "kms_policy_arn" {
  description = "The ARN of the policy AmazonRDSKMSKey."
  value       = aws_iam_policy.kms.arn
}
