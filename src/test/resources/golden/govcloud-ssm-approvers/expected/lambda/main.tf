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

resource "aws_iam_policy" "lambda" {
  name = "AuroraInvokeLambda"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:aws-us-gov:lambda:us-gov-east-1:777788889999:function:notify-ledger"
      },
    ]
  })
}

output "lambda_policy_arn" {
  description = "The ARN of the policy AuroraInvokeLambda."
  value       = aws_iam_policy.lambda.arn
}
