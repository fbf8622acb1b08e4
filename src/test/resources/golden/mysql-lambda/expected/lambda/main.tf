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
  region              = "us-west-2"
  allowed_account_ids = ["111122223333"]
}

resource "aws_iam_policy" "lambda" {
  name = "AuroraInvokeLambda"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = "lambda:InvokeFunction"
        Resource = [
          "arn:aws:lambda:us-west-2:111122223333:function:notify-settlement",
          "arn:aws:lambda:us-west-2:111122223333:function:audit-hook:live",
        ]
      },
    ]
  })
}

output "lambda_policy_arn" {
  description = "The ARN of the policy AuroraInvokeLambda."
  value       = aws_iam_policy.lambda.arn
}
