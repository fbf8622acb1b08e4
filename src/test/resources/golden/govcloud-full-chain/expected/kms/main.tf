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

resource "aws_iam_policy" "kms" {
  # IAM cannot change a description: a new one makes Terraform replace the policy.
  name        = "GovRDSKMS"
  description = "GovCloud payments cluster imports and exports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = [
          "arn:aws-us-gov:kms:us-gov-west-1:012345678901:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
          "arn:aws-us-gov:kms:us-gov-west-1:012345678901:key/mrk-1234abcd12ab34cd56ef1234567890ab",
        ]
      },
    ]
  })
}

output "kms_policy_arn" {
  description = "The ARN of the policy GovRDSKMS."
  value       = aws_iam_policy.kms.arn
}
