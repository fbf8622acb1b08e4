<#-- An SSM Automation runbook (schemaVersion 0.3): in the overview the whole procedure, in the
     association step only the association. An optional approval, a check of the engine (and on
     MySQL of the cluster's parameter group), in the overview the policies (each its step's JSON as
     a string) and the role or roles, then the association with retries and a wait until ACTIVE,
     and on Aurora MySQL the parameter group, its attachment and the writer's reboot with checks
     after each. It runs as its own role (automation-policy.json, automation-trust-policy.json). -->
<#import "/common/aurora-iac.yaml.ftl" as iac>
<#assign whole = !step??>
<#assign policies = whole?then(iac.policies(allDocs), [])>
<#assign roles = iac.roles()>
<#assign mysql = !iac.pg()>
<#assign group = iac.group()>
<#assign defaultGroup = "default." + iac.family()>
description: ${runwright.generator + ": " + whole?then(procedure, step.title + ", step " + (step.number)?c + " of: " + procedure) + " (" + p.clusterId?string + ", account " + aws.account + ", " + aws.region + "). Generated; regenerate rather than edit."}
schemaVersion: "0.3"
assumeRole: "{{ AutomationAssumeRole }}"
<@iac.ssmParameters/>
mainSteps:
<@iac.ssmApprove "Approve to give the Aurora cluster " + p.clusterId?string + whole?then(" its IAM policies, role" + (roles?size gt 1)?then("s", "") + " and association", " its IAM role" + (roles?size gt 1)?then("s", "")) + mysql?then(" and to reboot its writer instance", "") + " (account " + aws.account + ", " + aws.region + ")."/>
<@iac.ssmAssertEngine/>
<#if mysql>
<@iac.ssmStep "CheckParameterGroup" "aws:assertAwsResourceProperty"/>
      Service: "rds"
      Api: "DescribeDBClusters"
      DBClusterIdentifier: ${p.clusterId}
      PropertySelector: "$.DBClusters[0].DBClusterParameterGroup"
      DesiredValues: [${defaultGroup}, ${group}]
</#if>
<#list policies as x>
<@iac.ssmCreatePolicy x/>
</#list>
<#if whole>
<#list roles as r>
<@iac.ssmCreateRole r allDocs.role.trustPolicy.text/>
</#list>
</#if>
<#if whole>
<@iac.ssmStep "WaitForIamPropagation" "aws:sleep"/>
      Duration: "PT30S"
</#if>
<#list roles as r>
<@iac.ssmAddRole r/>
<@iac.ssmWaitRole r/>
</#list>
<#if mysql>
<@iac.ssmStep "GetParameterGroup" "aws:executeAwsApi"/>
      Service: "rds"
      Api: "DescribeDBClusters"
      DBClusterIdentifier: ${p.clusterId}
    outputs:
      - Name: "Name"
        Selector: "$.DBClusters[0].DBClusterParameterGroup"
        Type: "String"
<@iac.ssmStep "ChooseParameterGroup" "aws:branch"/>
      Choices:
        - NextStep: "SetClusterParameters"
          Variable: "{{ GetParameterGroup.Name }}"
          StringEquals: ${group}
      Default: "CreateParameterGroup"
<@iac.ssmStep "CreateParameterGroup" "aws:executeAwsApi"/>
      Service: "rds"
      Api: "CreateDBClusterParameterGroup"
      DBClusterParameterGroupName: ${group}
      DBParameterGroupFamily: ${iac.family()}
      Description: ${iac.groupDescription()}
<@iac.ssmStep "SetClusterParameters" "aws:executeAwsApi"/>
      Service: "rds"
      Api: "ModifyDBClusterParameterGroup"
      DBClusterParameterGroupName: ${group}
      Parameters:
<#list iac.mysqlParams() as name>
        - ParameterName: ${name}
          ParameterValue: ${p.roleName.arn}
          ApplyMethod: "pending-reboot"
</#list>
<@iac.ssmStep "AttachParameterGroup" "aws:executeAwsApi"/>
      Service: "rds"
      Api: "ModifyDBCluster"
      DBClusterIdentifier: ${p.clusterId}
      DBClusterParameterGroupName: ${group}
      ApplyImmediately: true
<@iac.ssmStep "WaitClusterAvailable" "aws:waitForAwsResourceProperty" 1800/>
      Service: "rds"
      Api: "DescribeDBClusters"
      DBClusterIdentifier: ${p.clusterId}
      PropertySelector: "$.DBClusters[0].Status"
      DesiredValues: ["available"]
<@iac.ssmStep "CheckParameterGroupAttached" "aws:assertAwsResourceProperty"/>
      Service: "rds"
      Api: "DescribeDBClusters"
      DBClusterIdentifier: ${p.clusterId}
      PropertySelector: "$.DBClusters[0].DBClusterParameterGroup"
      DesiredValues: [${group}]
<@iac.ssmFindWriter/>
<@iac.ssmStep "RebootWriter" "aws:executeAwsApi"/>
      Service: "rds"
      Api: "RebootDBInstance"
      DBInstanceIdentifier: "{{ FindWriter.WriterId }}"
<@iac.ssmStep "WaitWriterAvailable" "aws:waitForAwsResourceProperty" 1800/>
      Service: "rds"
      Api: "DescribeDBInstances"
      DBInstanceIdentifier: "{{ FindWriter.WriterId }}"
      PropertySelector: "$.DBInstances[0].DBInstanceStatus"
      DesiredValues: ["available"]
<@iac.ssmWriterInSync/>
</#if>
<#if whole>
outputs:
<#list policies as x>
  - ${"Create" + x.id + ".PolicyArn"}
</#list>
<#list roles as r>
  - ${"Create" + r.id + ".RoleArn"}
</#list>
<#else>
outputs:
<#list roles as r>
  - ${"Wait" + r.id + "Active.Status"}
</#list>
</#if>
