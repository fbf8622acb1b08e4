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

variable "cluster_identifier" {
  description = "The Aurora DB cluster. The role's trust policy names it: change it only together with the role."
  type        = string
  default     = "orders-prod"
}

data "aws_rds_cluster" "aurora" {
  cluster_identifier = var.cluster_identifier

  lifecycle {
    postcondition {
      condition     = self.engine == "aurora-postgresql"
      error_message = "The cluster's engine is not aurora-postgresql, which this configuration is for."
    }
  }
}

resource "aws_iam_policy" "s3_import" {
  name = "rds-s3-import-policy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws:s3:::orders-inbox"
        Condition = {
          StringLike = {
            "s3:prefix" = ["incoming/*"]
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::orders-inbox/incoming/*"
      },
      {
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = "arn:aws:kms:eu-west-1:555566667777:key/0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f"
      },
    ]
  })
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
  policy_arn = aws_iam_policy.s3_import.arn
}

resource "aws_rds_cluster_role_association" "s3_import" {
  db_cluster_identifier = data.aws_rds_cluster.aurora.cluster_identifier
  feature_name          = "s3Import"
  role_arn              = aws_iam_role.s3_import.arn
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
  policy_arn = aws_iam_policy.lambda.arn
}

resource "aws_rds_cluster_role_association" "lambda" {
  db_cluster_identifier = data.aws_rds_cluster.aurora.cluster_identifier
  feature_name          = "Lambda"
  role_arn              = aws_iam_role.lambda.arn
}

output "s3_import_policy_arn" {
  description = "The ARN of the policy rds-s3-import-policy."
  value       = aws_iam_policy.s3_import.arn
}

output "lambda_policy_arn" {
  description = "The ARN of the policy AuroraInvokeLambda."
  value       = aws_iam_policy.lambda.arn
}

output "s3_import_role_arn" {
  description = "The ARN of the role rds-s3-import-role."
  value       = aws_iam_role.s3_import.arn
}

output "lambda_role_arn" {
  description = "The ARN of the role rds-lambda-role."
  value       = aws_iam_role.lambda.arn
}
