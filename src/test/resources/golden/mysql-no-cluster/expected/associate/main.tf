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
  region              = "ap-southeast-2"
  allowed_account_ids = ["444455556666"]
}

variable "cluster_identifier" {
  description = "The Aurora DB cluster to add the role to."
  type        = string
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

data "aws_iam_role" "aurora" {
  name = "RDSLoadFromS3"
}

resource "aws_rds_cluster_role_association" "aurora" {
  db_cluster_identifier = data.aws_rds_cluster.aurora.cluster_identifier
  role_arn              = data.aws_iam_role.aurora.arn
  # No feature_name: Aurora MySQL rejects the S3 feature names (s3Import, s3Export) and
  # Terraform's example S3_INTEGRATION (an RDS for Oracle name); the cluster parameters below
  # say what the role is for. Do not list this role in the cluster's iam_roles as well.
}

variable "parameter_group_name" {
  description = "The custom DB cluster parameter group that names the role."
  type        = string
}

resource "aws_rds_cluster_parameter_group" "aurora" {
  name        = var.parameter_group_name
  family      = "aurora-mysql8.0"
  description = "S3 and KMS access for Aurora MySQL cluster ${var.cluster_identifier}"

  parameter {
    name         = "aws_default_s3_role"
    value        = data.aws_iam_role.aurora.arn
    apply_method = "pending-reboot"
  }
}

output "parameter_group_name" {
  description = "The group to attach to the cluster (if it is new), before the writer is rebooted."
  value       = aws_rds_cluster_parameter_group.aurora.name
}
