<#-- What the SSM Automation runbook's own role may do, and nothing more: create exactly this
     procedure's policies and roles, attach only those policies to only those roles, pass only
     those roles and only to RDS, change only this cluster and its parameter group, and reboot an
     instance (the writer, whose identifier the run finds; IAM cannot name it in advance). -->
<#import "/common/aurora-iac.yaml.ftl" as iac>
<#-- In the association step the roles and policies exist already: no IAM statement but PassRole. -->
<#assign whole = !step??>
<#assign policyArns = iac.policies(allDocs)?map(x -> x.name.arn)>
<#assign roleArns = iac.roleArns()>
<#assign mysql = !iac.pg()>
<#assign rdsArn = "arn:" + aws.partition + ":rds:" + aws.region + ":" + aws.account + ":">
{
  "Version": "2012-10-17",
  "Statement": [
<#if whole>
    {
      "Sid": "CreateThePolicies",
      "Effect": "Allow",
      "Action": "iam:CreatePolicy",
      "Resource": [<#list policyArns as a>${a}<#sep>, </#list>]
    },
    {
      "Sid": "CreateTheRoles",
      "Effect": "Allow",
      "Action": ["iam:CreateRole", "iam:GetRole"],
      "Resource": [<#list roleArns as a>${a}<#sep>, </#list>]
    },
    {
      "Sid": "AttachOnlyThesePolicies",
      "Effect": "Allow",
      "Action": "iam:AttachRolePolicy",
      "Resource": [<#list roleArns as a>${a}<#sep>, </#list>],
      "Condition": {
        "ArnEquals": {
          "iam:PolicyARN": [<#list policyArns as a>${a}<#sep>, </#list>]
        }
      }
    },
</#if>
    {
      "Sid": "PassTheRolesOnlyToRds",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": [<#list roleArns as a>${a}<#sep>, </#list>],
      "Condition": {
        "StringEquals": {
          "iam:PassedToService": "rds.amazonaws.com"
        }
      }
    },
    {
      "Sid": "AssociateWithTheCluster",
      "Effect": "Allow",
      "Action": [<#if mysql>"rds:AddRoleToDBCluster", "rds:DescribeDBClusters", "rds:ModifyDBCluster"<#else>"rds:AddRoleToDBCluster", "rds:DescribeDBClusters"</#if>],
      "Resource": ${p.clusterId.arn}
    }<#if mysql>,
    {
      "Sid": "TheClusterParameterGroup",
      "Effect": "Allow",
      "Action": ["rds:CreateDBClusterParameterGroup", "rds:ModifyDBClusterParameterGroup", "rds:DescribeDBClusterParameters", "rds:ModifyDBCluster"],
      "Resource": ${rdsArn + "cluster-pg:" + iac.group()}
    },
    {
      "Sid": "RebootTheWriter",
      "Effect": "Allow",
      "Action": ["rds:RebootDBInstance", "rds:DescribeDBInstances"],
      "Resource": ${rdsArn + "db:*"}
    }</#if>
  ]
}
