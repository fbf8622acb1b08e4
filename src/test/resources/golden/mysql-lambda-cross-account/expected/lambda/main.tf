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

resource "aws_iam_policy" "lambda" {
  name = "OrdersInvokeLambda"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = "lambda:InvokeFunction"
        Resource = [
          "arn:aws:lambda:eu-west-1:111122223333:function:enrich-orders",
          "arn:aws:lambda:eu-west-1:444455556666:function:notify-settlement:prod",
        ]
      },
    ]
  })
}

output "lambda_policy_arn" {
  description = "The ARN of the policy OrdersInvokeLambda."
  value       = aws_iam_policy.lambda.arn
}
