<#import "/common/macros.md.ftl" as m>
<#assign cluster = p.clusterId???then(p.clusterId?string, "<your-cluster-id>")>
<#assign roleArn = p.roleName.arn>
<#assign v3 = p.auroraMysqlVersion == 3>
<#assign family = v3?then("aurora-mysql8.0", "aurora-mysql5.7")>
<#assign group = p.parameterGroup!(p.clusterId???then(p.clusterId?string + "-s3-access", "<your-parameter-group>"))>
<#if v3>
  <#assign params = ["aws_default_s3_role"]>
<#else>
  <#assign params = []>
  <#if p.access?seq_contains("load")><#assign params = params + ["aurora_load_from_s3_role"]></#if>
  <#if p.access?seq_contains("save")><#assign params = params + ["aurora_select_into_s3_role"]></#if>
</#if>
# Associate the role ${p.roleName} with the Aurora MySQL cluster ${cluster}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<#if !p.clusterId??>
> **Placeholder:** no cluster identifier was given, so ${md.code(cluster)} stands for it below; replace it before you run anything, or generate again with ${md.code("--cluster-id")}.

</#if>
This runbook gives the role **${p.roleName}** to the Aurora MySQL cluster **${cluster}** and names it in the cluster parameter<#if params?size gt 1>s</#if> <#list params as name>${md.code(name)}<#sep> and </#list>. Aurora then uses the role, and through it the KMS policy, for <#if p.access?seq_contains("load")>LOAD DATA FROM S3</#if><#if p.access?size gt 1> and </#if><#if p.access?seq_contains("save")>SELECT INTO OUTFILE S3</#if>. There is no KMS-specific cluster parameter: the KMS permission works through the role that the S3 parameter names.

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "DB cluster" md.code(cluster)/>
<#if p.clusterId??>
<@m.row "Cluster ARN" md.code(p.clusterId.arn)/>
</#if>
<@m.row "Role ARN" md.code(roleArn)/>
<@m.row "Aurora MySQL version" p.auroraMysqlVersion?string + v3?then(" (MySQL 8.0 compatible)", " (MySQL 5.7 compatible)")/>
<#list params as name>
<@m.row "Cluster parameter" md.code(name) + " = the role ARN"/>
</#list>
<@m.row "Parameter group family" md.code(family)/>
<@m.row "Custom parameter group" md.code(group)/>

## Before you start

- The role ${md.code(p.roleName)} must exist: <#if links.prev??>${md.link(links.prev.title, links.prev.href)}<#else>create it first</#if>.
<#if !v3>
- **Version 2:** AWS's Aurora MySQL guide supports S3 objects encrypted with a customer managed KMS key only from version 3.05. On version 2 the parameters below still give the role to LOAD DATA FROM S3 and SELECT INTO OUTFILE S3, but objects encrypted with your own KMS key may be refused; plan the upgrade to version 3.
</#if>
- Aurora Serverless v1 clusters cannot have IAM roles; provisioned and Serverless v2 clusters can. A cluster can have at most 5 IAM roles.
- Setting the parameter group of a cluster that uses the default group needs a reboot of the writer instance; plan a short interruption.

## Part 1: add the role to the cluster

In the console:

1. <@m.open "RDS console" aws.rdsConsoleUrl!"" "#databases:"/>
2. Choose **Databases**, then the cluster ${md.code(cluster)}.
3. On the **Connectivity & security** tab, under **Manage IAM roles**, choose ${md.code(p.roleName)} in **Select IAM roles to add to this cluster**, then choose **Add role**.
4. Wait until the role's status changes from **Pending** to **Available**.

Or with the AWS CLI:

```sh
aws rds add-role-to-db-cluster --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --role-arn ${sh(roleArn)}
```

## Part 2: name the role in the cluster parameter group

First find which parameter group the cluster uses now: its **Configuration** tab in the RDS console shows it as **DB cluster parameter group**, or run:

```sh
aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].DBClusterParameterGroup' --output text
```

- ${md.code("default." + family)}: default groups cannot be changed, so the cluster needs the custom group ${md.code(group)}. Follow every step below; roll back returns the cluster to ${md.code("default." + family)}.
- Any other group: the cluster already has a custom group, which may hold settings of its own. Do not replace it: skip the steps marked *(new group only)* and use that group's name wherever ${md.code(group)} is written.

In the console:

1. *(new group only)* In the RDS console, choose **Parameter groups**, then **Create parameter group**. For **Parameter group family**, choose ${md.code(family)}; for **Type**, choose **DB Cluster Parameter Group**; for **Group name**, enter ${md.code(group)}; add a **Description**; choose **Create**.
2. Choose the group ${md.code(group)}, then **Edit** (in **Parameter group actions**).
<#list params as name>
${3 + name?index}. Find ${md.code(name)} and set it to ${md.code(roleArn)}.
</#list>
${3 + params?size}. Choose **Save changes**.
${4 + params?size}. *(new group only)* Choose **Databases**, the cluster ${md.code(cluster)}, then **Modify**. Under **Database options**, set **DB cluster parameter group** to ${md.code(group)}. Choose **Continue**, then **Apply immediately**, then **Modify cluster**.
${5 + params?size}. When the cluster's parameter group shows **pending-reboot**, choose the writer instance, then **Actions**, then **Reboot**.

Or with the AWS CLI. *(New group only)* create the group:

```sh
aws rds create-db-cluster-parameter-group --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)} \
  --db-parameter-group-family ${sh(family)} \
  --description ${sh("S3 and KMS access for Aurora MySQL cluster " + cluster)}
```

Name the role in the group:

```sh
aws rds modify-db-cluster-parameter-group --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)} \
  --parameters <#list params as name>${sh("ParameterName=" + name + ",ParameterValue=" + roleArn + ",ApplyMethod=pending-reboot")}<#sep> \
    ${""?no_esc}</#list>
```

*(New group only)* attach the group to the cluster:

```sh
aws rds modify-db-cluster --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --db-cluster-parameter-group-name ${sh(group)} \
  --apply-immediately
```

Then reboot the writer instance; this prints its identifier and reboots it:

```sh
writer=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].DBClusterMembers[?IsClusterWriter].DBInstanceIdentifier' \
  --output text)
echo "Rebooting $writer"
aws rds reboot-db-instance --region ${sh(aws.region)} --db-instance-identifier "$writer"
```

## Check it

```sh
aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].[AssociatedRoles,DBClusterParameterGroup]'
```

The role ${md.code(roleArn)} must show ${md.code("\"Status\": \"ACTIVE\"")} (${md.code("PENDING")} while it is being added; ${md.code("INVALID")} means Aurora cannot assume it: check the trust policy of step 2), and the parameter group must be ${md.code(group)} (or the custom group the cluster already had).

## Roll back

```sh
aws rds remove-role-from-db-cluster --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --role-arn ${sh(roleArn)}
aws rds reset-db-cluster-parameter-group --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)} \
  --parameters <#list params as name>${sh("ParameterName=" + name + ",ApplyMethod=pending-reboot")}<#sep> \
    ${""?no_esc}</#list>
```

If you created ${md.code(group)} in part 2, return the cluster to ${md.code("default." + family)}:

```sh
aws rds modify-db-cluster --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --db-cluster-parameter-group-name ${sh("default." + family)} \
  --apply-immediately
```

Then reboot the writer instance as in part 2, so that the change takes effect. Once the cluster shows ${md.code("default." + family)} as **in-sync**, delete the group you created:

```sh
aws rds delete-db-cluster-parameter-group --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)}
```

## Next

<@m.stepLinks/>

## About this runbook

${runwright.generator} wrote it from AWS's page ${md.link("Associating an IAM role with an Amazon Aurora MySQL DB cluster", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.AddRoleToDBCluster.html")}, with the page's CLI mistakes corrected: the parameter group family is ${md.code(family)} (not ${md.code("aurora5.7")}), the apply method is written ${md.code("ApplyMethod=")} (not ${md.code("method=")}), and several parameters go after one ${md.code("--parameters")}.
