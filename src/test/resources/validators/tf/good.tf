terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.13.0"
    }
  }
}

resource "aws_iam_policy" "kms" {
  name   = "AmazonRDSKMSKey"
  policy = file("${path.module}/policy.json")
}

output "policy_arn" {
  value = aws_iam_policy.kms.arn
}
