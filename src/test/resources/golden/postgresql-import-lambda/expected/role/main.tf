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

data "aws_iam_policy" "s3_import" {
  arn = "arn:aws:iam::555566667777:policy/rds-s3-import-policy"
}

data "aws_iam_policy" "lambda" {
  arn = "arn:aws:iam::555566667777:policy/AuroraInvokeLambda"
}

resource "aws_iam_role" "s3_import" {
  name = "rds-s3-import-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "rds.amazonaws.com"
        }
        Action = "sts:AssumeRole"
        Condition = {
          ArnLike = {
            "aws:SourceArn" = "arn:aws:rds:eu-west-1:555566667777:cluster:orders-prod"
          }
          StringEquals = {
            "aws:SourceAccount" = "555566667777"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "s3_import" {
  role       = aws_iam_role.s3_import.name
  policy_arn = data.aws_iam_policy.s3_import.arn
}

resource "aws_iam_role" "lambda" {
  name = "rds-lambda-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "rds.amazonaws.com"
        }
        Action = "sts:AssumeRole"
        Condition = {
          ArnLike = {
            "aws:SourceArn" = "arn:aws:rds:eu-west-1:555566667777:cluster:orders-prod"
          }
          StringEquals = {
            "aws:SourceAccount" = "555566667777"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "lambda" {
  role       = aws_iam_role.lambda.name
  policy_arn = data.aws_iam_policy.lambda.arn
}

output "s3_import_role_arn" {
  description = "The ARN of the role rds-s3-import-role."
  value       = aws_iam_role.s3_import.arn
}

output "lambda_role_arn" {
  description = "The ARN of the role rds-lambda-role."
  value       = aws_iam_role.lambda.arn
}
