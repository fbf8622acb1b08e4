<#-- The values and YAML blocks shared by the CloudFormation templates and the SSM Automation
     runbook of the Aurora access steps (issue 16). Import it as
     <#import "/common/aurora-iac.yaml.ftl" as iac>. This file is YAML (*.yaml.ftl): ${...} here
     writes a double-quoted YAML scalar. Every policy comes from a rendered document
     (yaml.json / yaml.compact of its text), never from text typed here; every name and ARN from
     the runbook's values. The functions return plain values, so Markdown and JSON templates use
     them too. -->

<#-- Whether the runbook is for Aurora PostgreSQL (kms-policy's own chain has no engine). -->
<#function pg>
  <#return (p.engine!"aurora-mysql") == "aurora-postgresql">
</#function>

<#-- The packs of the procedure's steps. -->
<#function packs>
  <#return steps?map(s -> s.pack)>
</#function>

<#-- The customer managed policies of the documents given, by step folder (a step's own docs as
     {"s3": docs}, or the overview's allDocs), in the order of the steps: each with its
     CloudFormation logical id, its name (a value with .arn), its description and its JSON. -->
<#function policies byStep>
  <#local out = []>
  <#local s3 = byStep.s3!{}>
  <#local kms = byStep.kms!{}>
  <#local fns = byStep.lambda!{}>
  <#if s3.policy?? && s3.policy.text??>
    <#local out = out + [{"id": "S3Policy", "name": p.s3PolicyName, "description": "", "text": s3.policy.text}]>
  </#if>
  <#if s3.importPolicy?? && s3.importPolicy.text??>
    <#local out = out + [{"id": "S3ImportPolicy", "name": p.s3ImportPolicyName, "description": "", "text": s3.importPolicy.text}]>
  </#if>
  <#if s3.exportPolicy?? && s3.exportPolicy.text??>
    <#local out = out + [{"id": "S3ExportPolicy", "name": p.s3ExportPolicyName, "description": "", "text": s3.exportPolicy.text}]>
  </#if>
  <#if kms.policy?? && kms.policy.text??>
    <#local out = out + [{"id": "KmsPolicy", "name": p.policyName, "description": p.description!"", "text": kms.policy.text}]>
  </#if>
  <#if fns.policy?? && fns.policy.text??>
    <#local out = out + [{"id": "LambdaPolicy", "name": p.lambdaPolicyName, "description": "", "text": fns.policy.text}]>
  </#if>
  <#return out>
</#function>

<#-- The roles the role step creates, each with its logical id, name, feature (PostgreSQL; "" on
     MySQL) and the policies it gets ({"id", "arn"}): only the policies whose steps this
     procedure has, as the role's runbook attaches them. -->
<#function roles>
  <#local has = packs()>
  <#if pg()>
    <#local out = []>
    <#if has?seq_contains("s3-policy") && p.access?seq_contains("load")>
      <#local out = out + [{"id": "S3ImportRole", "name": p.s3ImportRoleName, "feature": "s3Import", "policies": [{"id": "S3ImportPolicy", "arn": p.s3ImportPolicyName.arn}]}]>
    </#if>
    <#if has?seq_contains("s3-policy") && p.access?seq_contains("save")>
      <#local out = out + [{"id": "S3ExportRole", "name": p.s3ExportRoleName, "feature": "s3Export", "policies": [{"id": "S3ExportPolicy", "arn": p.s3ExportPolicyName.arn}]}]>
    </#if>
    <#if has?seq_contains("lambda-policy")>
      <#local out = out + [{"id": "LambdaRole", "name": p.lambdaRoleName, "feature": "Lambda", "policies": [{"id": "LambdaPolicy", "arn": p.lambdaPolicyName.arn}]}]>
    </#if>
    <#return out>
  </#if>
  <#local attach = []>
  <#if has?seq_contains("s3-policy")><#local attach = attach + [{"id": "S3Policy", "arn": p.s3PolicyName.arn}]></#if>
  <#if has?seq_contains("kms-policy")><#local attach = attach + [{"id": "KmsPolicy", "arn": p.policyName.arn}]></#if>
  <#if has?seq_contains("lambda-policy")><#local attach = attach + [{"id": "LambdaPolicy", "arn": p.lambdaPolicyName.arn}]></#if>
  <#return [{"id": "Role", "name": p.roleName, "feature": "", "policies": attach}]>
</#function>

<#-- Aurora MySQL: the cluster parameters that name the role (AWS-FACTS §1c): on version 3
     aws_default_s3_role; on version 2 one per access kind; aws_default_lambda_role for Lambda. -->
<#function mysqlParams>
  <#local hasS3 = p.buckets?? || p.keys??>
  <#local out = []>
  <#if hasS3>
    <#if p.auroraMysqlVersion == 3>
      <#local out = ["aws_default_s3_role"]>
    <#else>
      <#if p.access?seq_contains("load")><#local out = out + ["aurora_load_from_s3_role"]></#if>
      <#if p.access?seq_contains("save")><#local out = out + ["aurora_select_into_s3_role"]></#if>
    </#if>
  </#if>
  <#if p.lambdaFunctions??><#local out = out + ["aws_default_lambda_role"]></#if>
  <#return out>
</#function>

<#-- The DB cluster parameter group family of the cluster's major version. -->
<#function family>
  <#return (p.auroraMysqlVersion == 3)?then("aurora-mysql8.0", "aurora-mysql5.7")>
</#function>

<#-- The custom DB cluster parameter group, or "" when neither it nor the cluster is known. -->
<#function group>
  <#return p.parameterGroup!(p.clusterId???then(p.clusterId?string + "-s3-access", ""))>
</#function>

<#-- The new group's description, as the console and CLI forms write it. -->
<#function groupDescription>
  <#local hasS3 = p.buckets?? || p.keys??>
  <#local hasLambda = p.lambdaFunctions??>
  <#local purpose = (hasS3 && hasLambda)?then("S3, KMS and Lambda access", hasLambda?then("Lambda access", "S3 and KMS access"))>
  <#return purpose + " for Aurora MySQL cluster " + p.clusterId???then(p.clusterId?string, "<your-cluster-id>")>
</#function>

<#-- A CloudFormation stack name for `part` (a step folder, or "access" for the whole
     procedure): the cluster id first, so that the stacks of one cluster sort together. -->
<#function stackName part>
  <#return (p.clusterId???then(p.clusterId?string, "aurora-access")) + "-" + part>
</#function>

<#-- The SSM Automation runbook's own role: its name and ARN. -->
<#function automationRole>
  <#local name = p.automationRoleName!(("AuroraAccess-" + (p.clusterId!"cluster"))?truncate_c(64, ""))>
  <#return {"name": name, "arn": "arn:" + aws.partition + ":iam::" + aws.account + ":role/" + name}>
</#function>

<#-- The integration roles' ARNs, for the automation role's iam:PassRole. -->
<#function roleArns>
  <#return roles()?map(r -> r.name.arn)>
</#function>

<#-- ===== CloudFormation ===== -->

<#-- The template's head: format version and a description. -->
<#macro cfnHead description>
AWSTemplateFormatVersion: "2010-09-09"
Description: ${description}
Resources:
</#macro>

<#-- One AWS::IAM::ManagedPolicy, its document the step's policy.json as YAML. -->
<#macro cfnPolicy x>
  ${x.id?no_esc}:
    Type: "AWS::IAM::ManagedPolicy"
    Properties:
      ManagedPolicyName: ${x.name}
<#if x.description?has_content>
      Description: ${x.description}
</#if>
      PolicyDocument:${yaml.json(x.text, 6)}
</#macro>

<#-- One AWS::IAM::Role with the generated trust policy; its policies by Ref (refs: they are in
     the same stack) or by ARN (made by another step's stack or by hand). -->
<#macro cfnRole r trust refs>
  ${r.id?no_esc}:
    Type: "AWS::IAM::Role"
    Properties:
      RoleName: ${r.name}
      AssumeRolePolicyDocument:${yaml.json(trust, 6)}
<#if r.policies?has_content>
      ManagedPolicyArns:
<#list r.policies as x>
<#if refs>
        - Ref: ${x.id}
<#else>
        - ${x.arn}
</#if>
</#list>
</#if>
</#macro>

<#-- The new Aurora MySQL DB cluster parameter group naming the role: by GetAtt when the role is
     in the same stack, else by its ARN. CloudFormation has no ApplyMethod: it applies static
     parameters at the next reboot by itself (AWS-FACTS-INTEGRATIONS D2). -->
<#macro cfnParameterGroup roleId="">
  ClusterParameterGroup:
    Type: "AWS::RDS::DBClusterParameterGroup"
    Properties:
<#if group()?has_content>
      DBClusterParameterGroupName: ${group()}
</#if>
      Description: ${groupDescription()}
      Family: ${family()}
      Parameters:
<#list mysqlParams() as name>
<#if roleId?has_content>
        ${name?no_esc}:
          Fn::GetAtt: [${roleId}, "Arn"]
<#else>
        ${name?no_esc}: ${p.roleName.arn}
</#if>
</#list>
</#macro>

<#-- Outputs: each policy's ARN, each role's ARN, the parameter group's name. -->
<#macro cfnOutputs policies roles hasGroup>
Outputs:
<#list policies as x>
  ${(x.id + "Arn")?no_esc}:
    Description: ${"The ARN of the policy " + x.name}
    Value:
      Ref: ${x.id}
</#list>
<#list roles as r>
  ${(r.id + "Arn")?no_esc}:
    Description: ${"The ARN of the role " + r.name}
    Value:
      Fn::GetAtt: [${r.id}, "Arn"]
</#list>
<#if hasGroup>
  ClusterParameterGroupName:
    Description: "The DB cluster parameter group to attach to the cluster"
    Value:
      Ref: "ClusterParameterGroup"
</#if>
</#macro>

<#-- ===== SSM Automation ===== -->

<#-- A step's head: name, action, how long it may take and that a failure stops the run. -->
<#macro ssmStep name action timeout=120 attempts=1>
  - name: ${name?no_esc}
    action: ${action}
<#if attempts gt 1>
    maxAttempts: ${attempts}
</#if>
    timeoutSeconds: ${timeout}
    onFailure: "Abort"
    inputs:
</#macro>

<#-- iam:CreatePolicy with the step's policy.json as a JSON string. An SSM runbook reads {{ }}
     in any input as a variable, so a description that holds one is left to the CLI form. -->
<#macro ssmCreatePolicy x>
<@ssmStep "Create" + x.id "aws:executeAwsApi"/>
      Service: "iam"
      Api: "CreatePolicy"
      PolicyName: ${x.name}
<#if x.description?has_content && !x.description?contains("{{")>
      Description: ${x.description}
</#if>
      PolicyDocument: ${yaml.compact(x.text)}
    outputs:
      - Name: "PolicyArn"
        Selector: "$.Policy.Arn"
        Type: "String"
</#macro>

<#-- iam:CreateRole with the trust policy, then one AttachRolePolicy per policy. -->
<#macro ssmCreateRole r trust>
<@ssmStep "Create" + r.id "aws:executeAwsApi"/>
      Service: "iam"
      Api: "CreateRole"
      RoleName: ${r.name}
      AssumeRolePolicyDocument: ${yaml.compact(trust)}
    outputs:
      - Name: "RoleArn"
        Selector: "$.Role.Arn"
        Type: "String"
<#list r.policies as x>
<@ssmStep "Attach" + x.id + "To" + r.id "aws:executeAwsApi"/>
      Service: "iam"
      Api: "AttachRolePolicy"
      RoleName: ${r.name}
      PolicyArn: ${x.arn}
</#list>
</#macro>

<#-- rds:AddRoleToDBCluster, retried: a role created a moment ago is refused until IAM has
     propagated it (InvalidParameterValue ... AWS_ROLE_INTEGRATION). Aurora MySQL takes no
     feature name; Aurora PostgreSQL requires one. -->
<#macro ssmAddRole r>
<@ssmStep "Add" + r.id + "ToCluster" "aws:executeAwsApi" 60 5/>
      Service: "rds"
      Api: "AddRoleToDBCluster"
      DBClusterIdentifier: ${p.clusterId}
      RoleArn: ${r.name.arn}
<#if r.feature?has_content>
      FeatureName: ${r.feature}
</#if>
</#macro>

<#-- Waits until the cluster lists the role as ACTIVE, and fails at once on INVALID. A script,
     because Automation's JSONPath has no filter to pick the role by its ARN among the cluster's
     roles (AWS-FACTS-INTEGRATIONS E3). The values come in InputPayload, never into the code. -->
<#macro ssmWaitRole r>
<@ssmStep "Wait" + r.id + "Active" "aws:executeScript" 600/>
      Runtime: "{{ ScriptRuntime }}"
      Handler: "handler"
      InputPayload:
        Cluster: ${p.clusterId}
        RoleArn: ${r.name.arn}
      Script: |-
        import time
        import boto3
        def handler(events, context):
            rds = boto3.client("rds")
            for _ in range(36):
                cluster = rds.describe_db_clusters(DBClusterIdentifier=events["Cluster"])["DBClusters"][0]
                roles = [r for r in cluster.get("AssociatedRoles", []) if r["RoleArn"] == events["RoleArn"]]
                status = roles[0]["Status"] if roles else "MISSING"
                if status == "ACTIVE":
                    return {"Status": status}
                if status in ("INVALID", "MISSING"):
                    raise Exception("the cluster lists the role " + events["RoleArn"] + " as " + status + "; check its trust policy")
                time.sleep(15)
            raise Exception("the role " + events["RoleArn"] + " is still " + status)
    outputs:
      - Name: "Status"
        Selector: "$.Payload.Status"
        Type: "String"
</#macro>

<#-- The document parameters: the role the run assumes, and the Python runtime of its scripts
     (a parameter, so that the runtime can follow AWS's supported versions without a change). -->
<#macro ssmParameters>
parameters:
  AutomationAssumeRole:
    type: "String"
    description: "The role this runbook runs as (automation-policy.json, trusting automation-trust-policy.json)"
    default: ${automationRole().arn}
  ScriptRuntime:
    type: "String"
    description: "The Python runtime of the steps that wait on the cluster"
    default: "python3.11"
    allowedValues: ["python3.8", "python3.9", "python3.10", "python3.11"]
</#macro>

<#-- The approval before anything changes, when the input names approvers. -->
<#macro ssmApprove message>
<#if p.approvers?? && p.approvers?has_content>
<@ssmStep "Approve" "aws:approve" 604800/>
      Message: ${message}
      MinRequiredApprovals: 1
      Approvers:
<#list p.approvers as a>
        - ${a}
</#list>
</#if>
</#macro>

<#-- Stops before anything changes when the cluster is not of the runbook's engine. -->
<#macro ssmAssertEngine>
<@ssmStep "CheckEngine" "aws:assertAwsResourceProperty"/>
      Service: "rds"
      Api: "DescribeDBClusters"
      DBClusterIdentifier: ${p.clusterId}
      PropertySelector: "$.DBClusters[0].Engine"
      DesiredValues: [${(p.engine!"aurora-mysql")}]
</#macro>

<#-- The writer instance's identifier: a script, as JSONPath cannot pick the member whose
     IsClusterWriter is true. -->
<#macro ssmFindWriter>
<@ssmStep "FindWriter" "aws:executeScript"/>
      Runtime: "{{ ScriptRuntime }}"
      Handler: "handler"
      InputPayload:
        Cluster: ${p.clusterId}
      Script: |-
        import boto3
        def handler(events, context):
            cluster = boto3.client("rds").describe_db_clusters(DBClusterIdentifier=events["Cluster"])["DBClusters"][0]
            writers = [m["DBInstanceIdentifier"] for m in cluster["DBClusterMembers"] if m["IsClusterWriter"]]
            if not writers:
                raise Exception("the cluster " + events["Cluster"] + " has no writer instance")
            return {"WriterId": writers[0]}
    outputs:
      - Name: "WriterId"
        Selector: "$.Payload.WriterId"
        Type: "String"
</#macro>

<#-- After the reboot: the writer's DBClusterParameterGroupStatus must become in-sync (it may show
     applying for a moment); pending-reboot or failed-to-apply fail the run. -->
<#macro ssmWriterInSync>
<@ssmStep "CheckWriterInSync" "aws:executeScript" 600/>
      Runtime: "{{ ScriptRuntime }}"
      Handler: "handler"
      InputPayload:
        Cluster: ${p.clusterId}
        Writer: "{{ FindWriter.WriterId }}"
      Script: |-
        import time
        import boto3
        def handler(events, context):
            rds = boto3.client("rds")
            for _ in range(36):
                cluster = rds.describe_db_clusters(DBClusterIdentifier=events["Cluster"])["DBClusters"][0]
                status = [m["DBClusterParameterGroupStatus"] for m in cluster["DBClusterMembers"] if m["DBInstanceIdentifier"] == events["Writer"]]
                status = status[0] if status else "missing"
                if status == "in-sync":
                    return {"Status": status}
                if status != "applying":
                    raise Exception("the writer " + events["Writer"] + " shows the parameter group " + status)
                time.sleep(15)
            raise Exception("the writer " + events["Writer"] + " is still applying the parameter group")
    outputs:
      - Name: "Status"
        Selector: "$.Payload.Status"
        Type: "String"
</#macro>
