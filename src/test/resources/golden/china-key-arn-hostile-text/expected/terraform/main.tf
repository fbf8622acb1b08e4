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
  region              = "cn-north-1"
  allowed_account_ids = ["333344445555"]
}

variable "cluster_identifier" {
  description = "The Aurora DB cluster. The role's trust policy names it: change it only together with the role."
  type        = string
  default     = "payments-cn"
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

resource "aws_iam_policy" "kms" {
  # IAM cannot change a description: a new one makes Terraform replace the policy.
  name        = "CnRDSKMS"
  description = "Team's \"backup\" key | *prod* <b>bold</b> [x](javascript:alert(1)) $(rm -rf /) `id` & done"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = "arn:aws-cn:kms:cn-north-1:333344445555:key/c0ffee00-1234-4abc-8def-0123456789ab"
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

resource "aws_iam_role_policy_attachment" "aurora_kms" {
  role       = aws_iam_role.aurora.name
  policy_arn = aws_iam_policy.kms.arn
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
  default     = "payments-cn-s3-access"
}

resource "aws_rds_cluster_parameter_group" "aurora" {
  name        = var.parameter_group_name
  family      = "aurora-mysql8.0"
  description = "S3 and KMS access for Aurora MySQL cluster payments-cn"

  parameter {
    name         = "aws_default_s3_role"
    value        = aws_iam_role.aurora.arn
    apply_method = "pending-reboot"
  }
}

output "kms_policy_arn" {
  description = "The ARN of the policy CnRDSKMS."
  value       = aws_iam_policy.kms.arn
}

output "aurora_role_arn" {
  description = "The ARN of the role RDSLoadFromS3."
  value       = aws_iam_role.aurora.arn
}

output "parameter_group_name" {
  description = "The group to attach to the cluster (if it is new), before the writer is rebooted."
  value       = aws_rds_cluster_parameter_group.aurora.name
}
