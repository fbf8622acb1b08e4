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
  region              = "us-east-1"
  allowed_account_ids = ["444455556666"]
}

variable "cluster_identifier" {
  description = "The Aurora DB cluster. The role's trust policy names it: change it only together with the role."
  type        = string
  default     = "analytics-prod"
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
        Resource = "arn:aws:s3:::analytics-lake"
        Condition = {
          StringLike = {
            "s3:prefix" = ["exports/*"]
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::analytics-lake/exports/*"
      },
      {
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = "arn:aws:kms:us-east-1:444455556666:key/7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9"
      },
    ]
  })
}

resource "aws_iam_policy" "s3_export" {
  name = "rds-s3-export-policy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:AbortMultipartUpload"]
        Resource = "arn:aws:s3:::analytics-lake/exports/*"
      },
      {
        Effect   = "Allow"
        Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource = "arn:aws:kms:us-east-1:444455556666:key/7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9"
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
            "aws:SourceArn" = "arn:aws:rds:us-east-1:444455556666:cluster:analytics-prod"
          }
          StringEquals = {
            "aws:SourceAccount" = "444455556666"
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

resource "aws_iam_role" "s3_export" {
  name = "rds-s3-export-role"
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
            "aws:SourceArn" = "arn:aws:rds:us-east-1:444455556666:cluster:analytics-prod"
          }
          StringEquals = {
            "aws:SourceAccount" = "444455556666"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "s3_export" {
  role       = aws_iam_role.s3_export.name
  policy_arn = aws_iam_policy.s3_export.arn
}

resource "aws_rds_cluster_role_association" "s3_export" {
  db_cluster_identifier = data.aws_rds_cluster.aurora.cluster_identifier
  feature_name          = "s3Export"
  role_arn              = aws_iam_role.s3_export.arn
}

output "s3_import_policy_arn" {
  description = "The ARN of the policy rds-s3-import-policy."
  value       = aws_iam_policy.s3_import.arn
}

output "s3_export_policy_arn" {
  description = "The ARN of the policy rds-s3-export-policy."
  value       = aws_iam_policy.s3_export.arn
}

output "s3_import_role_arn" {
  description = "The ARN of the role rds-s3-import-role."
  value       = aws_iam_role.s3_import.arn
}

output "s3_export_role_arn" {
  description = "The ARN of the role rds-s3-export-role."
  value       = aws_iam_role.s3_export.arn
}
