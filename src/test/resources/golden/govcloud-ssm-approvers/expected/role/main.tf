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

data "aws_iam_policy" "s3" {
  arn = "arn:aws-us-gov:iam::777788889999:policy/AuroraS3Access"
}

data "aws_iam_policy" "lambda" {
  arn = "arn:aws-us-gov:iam::777788889999:policy/AuroraInvokeLambda"
}

resource "aws_iam_role" "aurora" {
  name = "RDSLoadFromS3"
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
            "aws:SourceArn" = "arn:aws-us-gov:rds:us-gov-east-1:777788889999:cluster:ledger-gov"
          }
          StringEquals = {
            "aws:SourceAccount" = "777788889999"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "aurora_s3" {
  role       = aws_iam_role.aurora.name
  policy_arn = data.aws_iam_policy.s3.arn
}

resource "aws_iam_role_policy_attachment" "aurora_lambda" {
  role       = aws_iam_role.aurora.name
  policy_arn = data.aws_iam_policy.lambda.arn
}

output "aurora_role_arn" {
  description = "The ARN of the role RDSLoadFromS3."
  value       = aws_iam_role.aurora.arn
}
