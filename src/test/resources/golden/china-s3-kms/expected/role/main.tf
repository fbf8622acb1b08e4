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

data "aws_iam_policy" "s3" {
  arn = "arn:aws-cn:iam::333344445555:policy/AuroraS3Access"
}

data "aws_iam_policy" "kms" {
  arn = "arn:aws-cn:iam::333344445555:policy/AmazonRDSKMSKey"
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
            "aws:SourceArn" = "arn:aws-cn:rds:cn-north-1:333344445555:cluster:payments-cn"
          }
          StringEquals = {
            "aws:SourceAccount" = "333344445555"
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

resource "aws_iam_role_policy_attachment" "aurora_kms" {
  role       = aws_iam_role.aurora.name
  policy_arn = data.aws_iam_policy.kms.arn
}

output "aurora_role_arn" {
  description = "The ARN of the role RDSLoadFromS3."
  value       = aws_iam_role.aurora.arn
}
