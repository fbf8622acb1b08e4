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
  region              = "us-gov-west-1"
  allowed_account_ids = ["012345678901"]
}

variable "cluster_identifier" {
  description = "The Aurora DB cluster. The role's trust policy names it: change it only together with the role."
  type        = string
  default     = "payments-gov"
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
  name = "GovAuroraS3Access"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws-us-gov:s3:::payments-gov-imports"
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:GetObjectVersion"]
        Resource = "arn:aws-us-gov:s3:::payments-gov-imports/*"
      },
    ]
  })
}

resource "aws_iam_policy" "kms" {
  name = "GovRDSKMS"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = "arn:aws-us-gov:kms:us-gov-west-1:012345678901:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
      },
    ]
  })
}

resource "aws_iam_role" "aurora" {
  name = "GovRDSS3Access"
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
            "aws:SourceArn" = "arn:aws-us-gov:rds:us-gov-west-1:012345678901:cluster:payments-gov"
          }
          StringEquals = {
            "aws:SourceAccount" = "012345678901"
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
  default     = "payments-gov-s3-access"
}

resource "aws_rds_cluster_parameter_group" "aurora" {
  name        = var.parameter_group_name
  family      = "aurora-mysql8.0"
  description = "S3 and KMS access for Aurora MySQL cluster payments-gov"

  parameter {
    name         = "aws_default_s3_role"
    value        = aws_iam_role.aurora.arn
    apply_method = "pending-reboot"
  }
}

output "s3_policy_arn" {
  description = "The ARN of the policy GovAuroraS3Access."
  value       = aws_iam_policy.s3.arn
}

output "kms_policy_arn" {
  description = "The ARN of the policy GovRDSKMS."
  value       = aws_iam_policy.kms.arn
}

output "aurora_role_arn" {
  description = "The ARN of the role GovRDSS3Access."
  value       = aws_iam_role.aurora.arn
}

output "parameter_group_name" {
  description = "The group to attach to the cluster (if it is new), before the writer is rebooted."
  value       = aws_rds_cluster_parameter_group.aurora.name
}
