<#-- The Terraform blocks of the aurora-access steps, shared by each step's main.tf and by the
     whole procedure's terraform/main.tf, so that nothing is written twice. This file is HCL
     (*.tf.ftl): ${x} writes x as a quoted HCL string; policies go through hcl.json of the step's
     own policy.json, so that jsonencode gives back exactly that JSON. The layout is what
     terraform fmt writes: the "=" of consecutive one-line attributes aligned, a multi-line value
     on its own. Import it as <#import "/common/terraform.tf.ftl" as tf>. -->
<#import "/common/aurora-mysql.md.ftl" as my>

<#-- The policy documents of the procedure: which step writes each (pack and folder), its
     document id there, its Terraform name and the parameter that names it in IAM. -->
<#assign policyTable = [
  {"pack": "s3-policy", "dir": "s3", "doc": "policy", "tf": "s3", "param": "s3PolicyName"},
  {"pack": "s3-policy", "dir": "s3", "doc": "importPolicy", "tf": "s3_import", "param": "s3ImportPolicyName"},
  {"pack": "s3-policy", "dir": "s3", "doc": "exportPolicy", "tf": "s3_export", "param": "s3ExportPolicyName"},
  {"pack": "kms-policy", "dir": "kms", "doc": "policy", "tf": "kms", "param": "policyName", "description": "description"},
  {"pack": "lambda-policy", "dir": "lambda", "doc": "policy", "tf": "lambda", "param": "lambdaPolicyName"}
]>

<#-- The role step's folder, where the overview finds the trust policy. -->
<#assign roleDir = "role">

<#-- Whether the procedure has a step of this pack. -->
<#function has pack>
  <#return steps?filter(s -> s.pack == pack)?has_content>
</#function>

<#function pg>
  <#return (p.engine!"aurora-mysql") == "aurora-postgresql">
</#function>

<#-- The policies a step (pack) writes, from its documents (docs in a step, allDocs[dir] in the
     overview): each {tf, name, text}. -->
<#function policiesOf pack stepDocs>
  <#local out = []>
  <#list policyTable?filter(e -> e.pack == pack) as e>
    <#if (stepDocs[e.doc].text)??>
      <#local out = out + [{"tf": e.tf, "name": p[e.param], "text": stepDocs[e.doc].text, "description": (p[e.description!""])!""}]>
    </#if>
  </#list>
  <#return out>
</#function>

<#function policyEntry tfName>
  <#local e = policyTable?filter(x -> x.tf == tfName)[0]>
  <#return {"tf": e.tf, "name": p[e.param]}>
</#function>

<#-- The roles of the role step, each {tf, name, feature, policies: [{tf, name}]}: on Aurora MySQL
     one role with every policy of the procedure, on Aurora PostgreSQL one role per feature
     (s3Import, s3Export, Lambda) with its own policy, as the role's runbook has them. -->
<#function roles>
  <#if pg()>
    <#local out = []>
    <#if has("s3-policy") && p.access?seq_contains("load")>
      <#local out = out + [{"tf": "s3_import", "name": p.s3ImportRoleName, "feature": "s3Import", "policies": [policyEntry("s3_import")]}]>
    </#if>
    <#if has("s3-policy") && p.access?seq_contains("save")>
      <#local out = out + [{"tf": "s3_export", "name": p.s3ExportRoleName, "feature": "s3Export", "policies": [policyEntry("s3_export")]}]>
    </#if>
    <#if has("lambda-policy")>
      <#local out = out + [{"tf": "lambda", "name": p.lambdaRoleName, "feature": "Lambda", "policies": [policyEntry("lambda")]}]>
    </#if>
    <#return out>
  </#if>
  <#local attach = []>
  <#if has("s3-policy")><#local attach = attach + [policyEntry("s3")]></#if>
  <#if has("kms-policy")><#local attach = attach + [policyEntry("kms")]></#if>
  <#if has("lambda-policy")><#local attach = attach + [policyEntry("lambda")]></#if>
  <#return [{"tf": "aurora", "name": p.roleName, "feature": "", "policies": attach}]>
</#function>

<#-- The terraform block and the provider: the Region of the runbook, and only its account
     (allowed_account_ids makes Terraform stop before it changes another account). mysqlRole:
     the file adds a role to an Aurora MySQL cluster, which needs provider 6.13.0. -->
<#macro header mysqlRole=false>
terraform {
  required_version = ">= 1.2.0"
  required_providers {
    aws = {
<#if mysqlRole>
      # 6.13.0 made feature_name of aws_rds_cluster_role_association optional (it was required
      # before, and Aurora MySQL accepts no feature name); older providers cannot add the role.
</#if>
      source  = "hashicorp/aws"
      version = ${mysqlRole?then(">= 6.13.0", ">= 5.0.0")}
    }
  }
}

provider "aws" {
  region              = ${aws.region}
  allowed_account_ids = [${aws.account}]
}
</#macro>

<#-- A customer managed policy whose document is the step's policy JSON. -->
<#macro policy x>
resource "aws_iam_policy" "${x.tf?no_esc}" {
<#if x.description?has_content>
  # IAM cannot change a description: a new one makes Terraform replace the policy.
  name        = ${x.name}
  description = ${x.description}
<#else>
  name = ${x.name}
</#if>
  policy = jsonencode(${hcl.json(x.text, 2)})
}
</#macro>

<#-- A policy of an earlier step, found by its ARN (the plan fails when it does not exist). -->
<#macro policyData x>
data "aws_iam_policy" "${x.tf?no_esc}" {
  arn = ${x.name.arn}
}
</#macro>

<#-- A role Aurora assumes, with the role step's trust policy. -->
<#macro role r trustText>
resource "aws_iam_role" "${r.tf?no_esc}" {
  name = ${r.name}
  assume_role_policy = jsonencode(${hcl.json(trustText, 2)})
}
</#macro>

<#-- A role of an earlier step, found by its name. -->
<#macro roleData r>
data "aws_iam_role" "${r.tf?no_esc}" {
  name = ${r.name}
}
</#macro>

<#-- One attachment per policy. roleRef and policyRef: "resource" when the same file creates it,
     "data" when an earlier step did. -->
<#macro attachments r roleRef policyRef>
<#list r.policies as x>
resource "aws_iam_role_policy_attachment" "${(r.tf == x.tf)?then(r.tf, r.tf + "_" + x.tf)?no_esc}" {
  role       = ${(roleRef == "data")?then("data.", "")?no_esc}aws_iam_role.${r.tf?no_esc}.name
  policy_arn = ${(policyRef == "data")?then("data.", "")?no_esc}aws_iam_policy.${x.tf?no_esc}.arn
}
<#sep>

</#sep>
</#list>
</#macro>

<#-- The cluster the user already has: a variable (with the runbook's value as its default, or
     none when it was not given, so that Terraform asks) and a data source that checks it is
     there and runs the engine the runbook is for. -->
<#macro cluster>
variable "cluster_identifier" {
<#if p.clusterId??>
  description = "The Aurora DB cluster. The role's trust policy names it: change it only together with the role."
<#else>
  description = "The Aurora DB cluster to add the role to."
</#if>
  type        = string
<#if p.clusterId??>
  default     = ${p.clusterId?string}
</#if>
}

data "aws_rds_cluster" "aurora" {
  cluster_identifier = var.cluster_identifier

  lifecycle {
    postcondition {
      condition     = self.engine == ${pg()?then("aurora-postgresql", "aurora-mysql")}
      error_message = ${"The cluster's engine is not " + pg()?then("aurora-postgresql", "aurora-mysql") + ", which this configuration is for."}
    }
  }
}
</#macro>

<#-- The association of a role with the cluster. On Aurora MySQL without feature_name (see the
     comment it writes); on Aurora PostgreSQL with the role's feature. -->
<#macro association r roleRef>
resource "aws_rds_cluster_role_association" "${r.tf?no_esc}" {
  db_cluster_identifier = data.aws_rds_cluster.aurora.cluster_identifier
<#if r.feature?has_content>
  feature_name          = ${r.feature}
  role_arn              = ${(roleRef == "data")?then("data.", "")?no_esc}aws_iam_role.${r.tf?no_esc}.arn
<#else>
  role_arn              = ${(roleRef == "data")?then("data.", "")?no_esc}aws_iam_role.${r.tf?no_esc}.arn
  # No feature_name: Aurora MySQL rejects the S3 feature names (s3Import, s3Export) and
  # Terraform's example S3_INTEGRATION (an RDS for Oracle name); the cluster parameters below
  # say what the role is for. Do not list this role in the cluster's iam_roles as well.
</#if>
}
</#macro>

<#-- The Aurora MySQL cluster parameters that name the role, in a new custom DB cluster parameter
     group. pending-reboot is always accepted, and the parameters apply when the writer restarts,
     which Terraform does not do. -->
<#macro parameterGroup roleRef>
variable "parameter_group_name" {
  description = "The custom DB cluster parameter group that names the role."
  type        = string
<#if my.parameterGroup() != "<your-parameter-group>">
  default     = ${my.parameterGroup()}
</#if>
}

resource "aws_rds_cluster_parameter_group" "aurora" {
  name        = var.parameter_group_name
  family      = ${my.family()}
<#if p.clusterId??>
  description = ${my.parameterGroupDescription()}
<#else>
  description = "${(my.groupPurpose() + " for Aurora MySQL cluster ")?no_esc}${r"${var.cluster_identifier}"?no_esc}"
</#if>
<#list my.clusterParams() as name>

  parameter {
    name         = ${name}
    value        = ${(roleRef == "data")?then("data.", "")?no_esc}aws_iam_role.aurora.arn
    apply_method = "pending-reboot"
  }
</#list>
}
</#macro>

<#-- An output. -->
<#macro output name value description>
output "${name?no_esc}" {
  description = ${description}
  value       = ${value?no_esc}
}
</#macro>

<#-- The roles' ARNs, and the policies' (when the file creates them). -->
<#macro policyOutputs policies>
<#list policies as x>
<@output x.tf + "_policy_arn" "aws_iam_policy." + x.tf + ".arn" "The ARN of the policy " + x.name + "."/>

</#list>
</#macro>

<#macro roleOutputs rs>
<#list rs as r>
<@output r.tf + "_role_arn" "aws_iam_role." + r.tf + ".arn" "The ARN of the role " + r.name + "."/>

</#list>
</#macro>

<#-- A policy step's main.tf: the policies of the step's documents. -->
<#macro policyStep pack>
<#local xs = policiesOf(pack, docs)>
<@header/>

<#list xs as x>
<@policy x/>

</#list>
<@policyOutputs xs/>
</#macro>

<#-- The role step's main.tf: the roles, with the policies of the earlier steps found by ARN. -->
<#macro roleStep>
<#local rs = roles()>
<@header/>

<#list rs as r>
<#list r.policies as x>
<@policyData x/>

</#list>
</#list>
<#list rs as r>
<@role r docs.trustPolicy.text/>

<@attachments r "resource" "data"/>

</#list>
<@roleOutputs rs/>
</#macro>

<#-- The association step's main.tf: the cluster, the role(s) of the role step found by name,
     the association(s) and, on Aurora MySQL, the parameter group. -->
<#macro associateStep>
<#local rs = roles()>
<@header !pg()/>

<@cluster/>

<#list rs as r>
<@roleData r/>

<@association r "data"/>

</#list>
<#if !pg()>
<@parameterGroup "data"/>

<@output "parameter_group_name" "aws_rds_cluster_parameter_group.aurora.name" "The group to attach to the cluster (if it is new), before the writer is rebooted."/>
</#if>
</#macro>

<#-- The whole procedure in one configuration: every policy, the role(s) with their attachments,
     the association(s) and the parameter group, referring to each other directly. -->
<#macro procedureFile>
<#local xs = []>
<#list steps as s>
  <#local pack = s.pack>
  <#local entries = policyTable?filter(e -> e.pack == pack)>
  <#if entries?has_content>
    <#local xs = xs + policiesOf(pack, allDocs[entries[0].dir])>
  </#if>
</#list>
<#local rs = roles()>
<@header !pg()/>

<@cluster/>

<#list xs as x>
<@policy x/>

</#list>
<#list rs as r>
<@role r allDocs[roleDir].trustPolicy.text/>

<@attachments r "resource" "resource"/>

<@association r "resource"/>

</#list>
<#if !pg()>
<@parameterGroup "resource"/>

</#if>
<@policyOutputs xs/>
<@roleOutputs rs/>
<#if !pg()>
<@output "parameter_group_name" "aws_rds_cluster_parameter_group.aurora.name" "The group to attach to the cluster (if it is new), before the writer is rebooted."/>
</#if>
</#macro>
