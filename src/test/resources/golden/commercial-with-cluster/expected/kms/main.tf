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
  region              = "eu-west-1"
  allowed_account_ids = ["111122223333"]
}

resource "aws_iam_policy" "kms" {
  # IAM cannot change a description: a new one makes Terraform replace the policy.
  name        = "AmazonRDSKMSKey"
  description = "Imports of the payments cluster"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      },
    ]
  })
}

output "kms_policy_arn" {
  description = "The ARN of the policy AmazonRDSKMSKey."
  value       = aws_iam_policy.kms.arn
}
