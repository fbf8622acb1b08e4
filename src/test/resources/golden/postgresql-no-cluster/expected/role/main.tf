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
  region              = "cn-north-1"
  allowed_account_ids = ["333344445555"]
}

data "aws_iam_policy" "s3_import" {
  arn = "arn:aws-cn:iam::333344445555:policy/rds-s3-import-policy"
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
          StringEquals = {
            "aws:SourceAccount" = "333344445555"
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

output "s3_import_role_arn" {
  description = "The ARN of the role rds-s3-import-role."
  value       = aws_iam_role.s3_import.arn
}
