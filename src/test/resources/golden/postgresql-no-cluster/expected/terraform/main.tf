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

variable "cluster_identifier" {
  description = "The Aurora DB cluster to add the role to."
  type        = string
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
        Resource = "arn:aws-cn:s3:::reports-cn"
        Condition = {
          StringLike = {
            "s3:prefix" = ["daily/*"]
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws-cn:s3:::reports-cn/daily/*"
      },
      {
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = "arn:aws-cn:kms:cn-north-1:333344445555:key/c0ffee00-1234-4abc-8def-0123456789ab"
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
  policy_arn = aws_iam_policy.s3_import.arn
}

resource "aws_rds_cluster_role_association" "s3_import" {
  db_cluster_identifier = data.aws_rds_cluster.aurora.cluster_identifier
  feature_name          = "s3Import"
  role_arn              = aws_iam_role.s3_import.arn
}

output "s3_import_policy_arn" {
  description = "The ARN of the policy rds-s3-import-policy."
  value       = aws_iam_policy.s3_import.arn
}

output "s3_import_role_arn" {
  description = "The ARN of the role rds-s3-import-role."
  value       = aws_iam_role.s3_import.arn
}
