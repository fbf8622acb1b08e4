terraform {
  required_version = ">= 1.2.0"
  required_providers {
    aws = {
      # 6.13.0 made feature_name of aws_rds_cluster_role_association optional (it was required
      # before, and Aurora MySQL accepts no feature name); older providers cannot add the role.
      source  = "hashicorp/aws"
      version = ">= 6.13.0"
    }
  }
}

provider "aws" {
  region              = "us-gov-east-1"
  allowed_account_ids = ["777788889999"]
}

variable "cluster_identifier" {
  description = "The Aurora DB cluster. The role's trust policy names it: change it only together with the role."
  type        = string
  default     = "ledger-gov"
}

data "aws_rds_cluster" "aurora" {
  cluster_identifier = var.cluster_identifier

  lifecycle {
    postcondition {
      condition     = self.engine == "aurora-mysql"
      error_message = "The cluster's engine is not aurora-mysql, which this configuration is for."
    }
  }
}

resource "aws_iam_policy" "s3" {
  name = "AuroraS3Access"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws-us-gov:s3:::ledger-gov-feeds"
        Condition = {
          StringLike = {
            "s3:prefix" = ["incoming/*"]
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:GetObjectVersion"]
        Resource = "arn:aws-us-gov:s3:::ledger-gov-feeds/incoming/*"
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
        Resource = "arn:aws-us-gov:lambda:us-gov-east-1:777788889999:function:notify-ledger"
      },
    ]
  })
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
  policy_arn = aws_iam_policy.s3.arn
}

resource "aws_iam_role_policy_attachment" "aurora_lambda" {
  role       = aws_iam_role.aurora.name
  policy_arn = aws_iam_policy.lambda.arn
}

resource "aws_rds_cluster_role_association" "aurora" {
  db_cluster_identifier = data.aws_rds_cluster.aurora.cluster_identifier
  role_arn              = aws_iam_role.aurora.arn
  # No feature_name: Aurora MySQL rejects the S3 feature names (s3Import, s3Export) and
  # Terraform's example S3_INTEGRATION (an RDS for Oracle name); the cluster parameters below
  # say what the role is for. Do not list this role in the cluster's iam_roles as well.
}

variable "parameter_group_name" {
  description = "The custom DB cluster parameter group that names the role."
  type        = string
  default     = "ledger-gov-s3-access"
}

resource "aws_rds_cluster_parameter_group" "aurora" {
  name        = var.parameter_group_name
  family      = "aurora-mysql8.0"
  description = "S3, KMS and Lambda access for Aurora MySQL cluster ledger-gov"

  parameter {
    name         = "aws_default_s3_role"
    value        = aws_iam_role.aurora.arn
    apply_method = "pending-reboot"
  }

  parameter {
    name         = "aws_default_lambda_role"
    value        = aws_iam_role.aurora.arn
    apply_method = "pending-reboot"
  }
}

output "s3_policy_arn" {
  description = "The ARN of the policy AuroraS3Access."
  value       = aws_iam_policy.s3.arn
}

output "lambda_policy_arn" {
  description = "The ARN of the policy AuroraInvokeLambda."
  value       = aws_iam_policy.lambda.arn
}

output "aurora_role_arn" {
  description = "The ARN of the role RDSLoadFromS3."
  value       = aws_iam_role.aurora.arn
}

output "parameter_group_name" {
  description = "The group to attach to the cluster (if it is new), before the writer is rebooted."
  value       = aws_rds_cluster_parameter_group.aurora.name
}
