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
  allowed_account_ids = ["555566667777"]
}

resource "aws_iam_policy" "lambda" {
  name = "AuroraInvokeLambda"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = "arn:aws:lambda:eu-west-1:555566667777:function:notify-orders:live"
      },
    ]
  })
}

output "lambda_policy_arn" {
  description = "The ARN of the policy AuroraInvokeLambda."
  value       = aws_iam_policy.lambda.arn
}
