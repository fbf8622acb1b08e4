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

data "aws_iam_role" "s3_import" {
  name = "rds-s3-import-role"
}

resource "aws_rds_cluster_role_association" "s3_import" {
  db_cluster_identifier = data.aws_rds_cluster.aurora.cluster_identifier
  feature_name          = "s3Import"
  role_arn              = data.aws_iam_role.s3_import.arn
}

data "aws_iam_role" "s3_export" {
  name = "rds-s3-export-role"
}

resource "aws_rds_cluster_role_association" "s3_export" {
  db_cluster_identifier = data.aws_rds_cluster.aurora.cluster_identifier
  feature_name          = "s3Export"
  role_arn              = data.aws_iam_role.s3_export.arn
}
