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

resource "aws_iam_policy" "kms" {
  name = "GovRDSKMSKey"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = "arn:aws-us-gov:kms:us-gov-east-1:777788889999:key/mrk-1234abcd12ab34cd56ef1234567890ab"
      },
    ]
  })
}

output "kms_policy_arn" {
  description = "The ARN of the policy GovRDSKMSKey."
  value       = aws_iam_policy.kms.arn
}
