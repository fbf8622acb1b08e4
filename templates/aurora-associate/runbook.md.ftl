<#import "/common/macros.md.ftl" as m>
<#import "/common/terraform.md.ftl" as tfm>
<#import "/common/aurora-iac.md.ftl" as iacm>
<#import "/common/aurora-iac.yaml.ftl" as iac>
<#import "/common/aurora-mysql.md.ftl" as my>
<#assign cluster = my.cluster()>
<#assign roleArn = p.roleName.arn>
<#assign v3 = my.v3()>
<#assign family = my.family()>
<#assign defaultGroup = "default." + family>
<#assign group = my.parameterGroup()>
<#assign hasS3 = p.buckets?? || p.keys??>
<#assign hasLambda = p.lambdaFunctions??>
<#assign load = p.access?seq_contains("load")>
<#assign save = p.access?seq_contains("save")>
<#assign params = my.clusterParams()>
<#assign s3Params = params?filter(n -> n != "aws_default_lambda_role")>
<#assign uses = []>
<#if hasS3 && load><#assign uses = uses + ["LOAD DATA FROM S3"]></#if>
<#if hasS3 && save><#assign uses = uses + ["SELECT INTO OUTFILE S3"]></#if>
<#if hasLambda><#assign uses = uses + ["the Lambda functions (lambda_sync, lambda_async)"]></#if>
<#assign groupPlaceholder = group == "<your-parameter-group>">
# Associate the role ${p.roleName} with the Aurora MySQL cluster ${cluster}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<#if !p.clusterId?? || groupPlaceholder>
> **Placeholder:** <#if !p.clusterId??>no cluster identifier was given, so ${md.code("<your-cluster-id>")} stands for it below: replace it with the cluster's identifier before you run anything, or generate again with ${md.code("--cluster-id")} (${md.code("clusterId")}).</#if><#if groupPlaceholder> ${md.code("<your-parameter-group>")} stands for the custom DB cluster parameter group that names the role: the group the cluster already uses if it is not a ${md.code("default.")} group, otherwise a new name of your choice (Runwright would name it after the cluster, ${md.code("CLUSTER-ID-s3-access")}); generate again with ${md.code("--cluster-id")} or ${md.code("--parameter-group")} to fill it in.</#if>

</#if>
This runbook gives the role **${p.roleName}** to the Aurora MySQL cluster **${cluster}** and names it in the cluster parameter<#if params?size gt 1>s</#if> <@my.andList params?map(n -> md.code(n))/>. Aurora MySQL needs both: the association lets the cluster assume the role, and the parameter<#if params?size gt 1>s say<#else> says</#if> which feature uses it. Aurora then uses the role for <@my.andList uses/>.<#if hasS3 && !v3> On Aurora MySQL 2, ${md.code("aurora_load_from_s3_role")} serves LOAD DATA FROM S3 and ${md.code("aurora_select_into_s3_role")} SELECT INTO OUTFILE S3, each falling back to ${md.code("aws_default_s3_role")} when empty; this runbook sets the one<#if s3Params?size gt 1>s</#if> for the access given (version 3 has only ${md.code("aws_default_s3_role")}).</#if><#if hasS3> There is no KMS-specific cluster parameter: the KMS permissions work through the role that the S3 parameter<#if s3Params?size gt 1>s name<#else> names</#if>.</#if>

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
<@m.row "Custom DB cluster parameter group" md.code(group)/>

## Before you start

Run these checks with credentials for account ${md.code(aws.account)}.

- The role ${md.code(p.roleName)} exists (<#if links.prev??>${md.link(links.prev.title, links.prev.href)}<#else>create it first</#if>); this prints its ARN, ${md.code(roleArn)}:

  ```sh
  aws iam get-role --region ${sh(aws.region)} ${opt("--role-name", p.roleName)} \
    --query Role.Arn --output text
  ```

- The cluster is Aurora MySQL version ${p.auroraMysqlVersion} and can take one more role:

  ```sh
  aws rds describe-db-clusters --region ${sh(aws.region)} \
    --db-cluster-identifier ${sh(cluster)} \
    --query 'DBClusters[0].[Engine,EngineVersion,EngineMode,Status,length(AssociatedRoles)]' \
    --output text
  ```

  It prints ${md.code("aurora-mysql")}, a version that starts with ${md.code(v3?then("8.0.mysql_aurora.3.", "5.7.mysql_aurora.2."))}, ${md.code("provisioned")} (Aurora Serverless v2 shows this too; ${md.code("serverless")} is Serverless v1, which cannot have IAM roles), ${md.code("available")}, and the number of roles the cluster has. A cluster has at most **5** IAM roles. With 5 already, ${md.code("add-role-to-db-cluster")} in part 1 fails with ${md.code("DBClusterRoleQuotaExceeded")}, and nothing changes. Then list them (${md.code("--query 'DBClusters[0].AssociatedRoles'")}) and either remove one that no cluster parameter names any more (${md.code("aws rds remove-role-from-db-cluster")}, as in "Roll back"), or, since one role serves every Aurora MySQL feature, attach this procedure's policies to the role that ${md.code(params[0])} already names and use that role's ARN in part 2 instead.
- The cluster can reach <#if hasS3>Amazon S3</#if><#if hasS3 && hasLambda> and </#if><#if hasLambda>AWS Lambda</#if>. A cluster in private subnets needs <#if hasS3>an S3 gateway endpoint (${md.code(my.endpointService("s3"))}) on its subnets' route tables</#if><#if hasS3 && hasLambda> and </#if><#if hasLambda>a Lambda interface endpoint (${md.code(my.endpointService("lambda"))}) in its VPC, with private DNS on</#if>, or a route to a NAT gateway; otherwise <#if hasS3>every statement that touches S3 fails with ${md.code("ERROR 1871 (HY000): S3 API returned error: Network Connection")}</#if><#if hasS3 && hasLambda> and </#if><#if hasLambda>${md.code("lambda_sync")} fails with ${md.code("ERROR 1873 (HY000): Lambda API returned error: Network Connection. Unable to connect to endpoint")}</#if>. This finds the cluster's VPC, its endpoints and its NAT routes:

  ```sh
  subnets=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
    --db-cluster-identifier ${sh(cluster)} \
    --query 'DBClusters[0].DBSubnetGroup' --output text)
  vpc=$(aws rds describe-db-subnet-groups --region ${sh(aws.region)} \
    --db-subnet-group-name "$subnets" \
    --query 'DBSubnetGroups[0].VpcId' --output text)
<#list hasS3?then(["s3"], []) + hasLambda?then(["lambda"], []) as service>
  aws ec2 describe-vpc-endpoints --region ${sh(aws.region)} \
    --filters "Name=vpc-id,Values=$vpc" ${sh("Name=service-name,Values=" + my.endpointService(service))} \
    --query 'VpcEndpoints[].[VpcEndpointId,VpcEndpointType,State,PrivateDnsEnabled,RouteTableIds]'
</#list>
  aws ec2 describe-route-tables --region ${sh(aws.region)} \
    --filters "Name=vpc-id,Values=$vpc" \
    --query 'RouteTables[].[RouteTableId,Routes[?NatGatewayId].NatGatewayId]'
  ```

  Good: <#if hasS3>a ${md.code("Gateway")} endpoint for S3 in state ${md.code("available")} whose route tables include those of the cluster's subnets (an S3 ${md.code("Interface")} endpoint works too)</#if><#if hasS3 && hasLambda>, and </#if><#if hasLambda>an ${md.code("Interface")} endpoint for Lambda in state ${md.code("available")} with private DNS (${md.code("True")})</#if>; or a NAT gateway in the route tables of the cluster's subnets. An interface endpoint's security group must allow HTTPS (port 443) from the cluster.
- Whether the cluster is part of a global database:

  ```sh
  aws rds describe-global-clusters --region ${sh(aws.region)} \
    --query 'GlobalClusters[].[GlobalClusterIdentifier,GlobalClusterMembers[].DBClusterArn]'
  ```

  If one of them lists ${p.clusterId???then(md.code(p.clusterId.arn), "the cluster's ARN (it ends with " + md.code(":cluster:" + cluster) + ")")}, do this whole procedure for **every** cluster it lists, each in its own Region: only the primary cluster loads data, but a failover can promote another one, which then needs its own association and parameter. Add an inventory entry for each cluster (with its own ${md.code("roleName")}, since each role's trust policy names its cluster) and follow each entry's runbooks.
<#if !v3 && p.keys??>
- **Version 2:** AWS's Aurora MySQL guide supports S3 objects encrypted with a customer managed KMS key only from version 3.05. On version 2 the parameters below still give the role to LOAD DATA FROM S3 and SELECT INTO OUTFILE S3, but objects encrypted with your own KMS key may be refused; plan the upgrade to version 3.
</#if>
- **A reboot is needed in every case.** The parameter is set with ${md.code("ApplyMethod=pending-reboot")}, which Aurora applies only when the instance restarts, so part 3 reboots the writer instance whether the cluster gets a new parameter group or keeps its own. Connections to the writer drop and writes stop while it restarts: plan it for a quiet moment.

## Part 1: add the role to the cluster

<@m.forms>
<@m.form "console">
1. <@m.open "RDS console" aws.rdsConsoleUrl!"" "#databases:"/>
2. Choose **Databases**, then the cluster ${md.code(cluster)}.
3. On the **Connectivity & security** tab, under **Manage IAM roles**, choose ${md.code(p.roleName)} in **Select IAM roles to add to this cluster**, then choose **Add role**. Leave **Feature** empty if the console shows it: Aurora MySQL takes no feature name (see the CLI form).
4. Wait until the role's status is no longer **Pending**; "Check it" below confirms it is ${md.code("ACTIVE")}.
</@m.form>
<@m.form "cli">
```sh
aws rds add-role-to-db-cluster --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --role-arn ${sh(roleArn)}
```

There is no ${md.code("--feature-name")}: Aurora MySQL rejects the S3 feature names (${md.code("s3Import")}, ${md.code("s3Export")}) that Aurora PostgreSQL requires, because its engine versions list no such feature; on Aurora MySQL the cluster parameter of part 2 decides what the role is for.
</@m.form>
<#if docs.terraform??>
<@m.form "terraform">
<@tfm.mysqlAssociateForm/>
</@m.form>
</#if>
<#if docs.cloudformation??>
<@m.form "cloudformation">
<@iacm.cfnCannot "add a role to"/>
</@m.form>
</#if>
<#if docs.automation??>
<@m.form "ssm">
<@iacm.ssmForStep/>
</@m.form>
</#if>
</@m.forms>

If it already exists: ${md.code("DBClusterRoleAlreadyExists")} means the role is already associated; nothing changes, go on with part 2. A role created a moment ago can be refused with ${md.code("InvalidParameterValue: IAM role ARN value is invalid or does not include the required permissions for: AWS_ROLE_INTEGRATION")} while IAM propagates it: wait a minute and run the command again. ${md.code("DBClusterRoleQuotaExceeded")}: the cluster has 5 roles already (see "Before you start").

## Part 2: name the role in the cluster parameter group

First find the DB cluster parameter group the cluster uses now:

```sh
aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].DBClusterParameterGroup' --output text
```

- ${md.code(defaultGroup)}: a default group cannot be changed, so the cluster needs the custom group ${md.code(group)}. Follow every step below.
- Any other group: the cluster already has a custom group, which may hold settings of its own (and may be shared with other clusters, which then get the parameter too). Do not replace it: skip the steps marked *(new group only)* and use that group's name wherever ${md.code(group)} is written.

<@m.forms>
<@m.form "console">
1. *(new group only)* <@m.open "RDS console" aws.rdsConsoleUrl!"" "#parameter-groups:"/>. Choose **Create parameter group**. For **Parameter group family**, choose ${md.code(family)}; for **Type**, choose **DB Cluster Parameter Group**; for **Group name**, enter ${md.code(group)}; for **Description**, enter ${md.code(my.parameterGroupDescription())}; choose **Create**.
2. In **Parameter groups**, choose the group ${md.code(group)}, then **Edit** (in **Parameter group actions**).
<#list params as name>
${3 + name?index}. Find ${md.code(name)} and set it to ${md.code(roleArn)}.
</#list>
${3 + params?size}. Choose **Save changes**. Whether the console applies the change at once or at the next restart, the reboot of part 3 puts it in effect.
${4 + params?size}. *(new group only)* Choose **Databases**, the cluster ${md.code(cluster)}, then **Modify**. Under **Database options**, set **DB cluster parameter group** to ${md.code(group)}. Choose **Continue**, then **Apply immediately**, then **Modify cluster**.
</@m.form>
<@m.form "cli">
*(New group only)* create the group:

```sh
aws rds create-db-cluster-parameter-group --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)} \
  --db-parameter-group-family ${sh(family)} \
  --description ${sh(my.parameterGroupDescription())}
```

Name the role in the group, with ${md.code("ApplyMethod=pending-reboot")} (always accepted; ${md.code("immediate")} is refused for a static parameter):

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
</@m.form>
<#if docs.terraform??>
<@m.form "terraform">
<@tfm.mysqlGroupForm/>
</@m.form>
</#if>
<#if docs.cloudformation??>
<@m.form "cloudformation">
*(New group only)* the template creates the group with the parameter<#if params?size gt 1>s</#if> set to the role's ARN. CloudFormation has no apply method: it applies a static parameter at the next reboot, which part 3 is. A custom group the cluster already has belongs to no stack, so CloudFormation cannot change it: use the CLI or the console for it.

<@iacm.cfnBody docs.cloudformation "associate" false/>

Then attach the group to the cluster with the CLI or the console, as above: CloudFormation cannot attach a parameter group to a cluster its stack does not own, for the reason part 1 gives.
</@m.form>
</#if>
<#if docs.automation??>
<@m.form "ssm">
The Automation runbook of part 1 does this part too, in its steps ${md.code("CheckParameterGroup")} (before it changes anything) and ${md.code("GetParameterGroup")} to ${md.code("CheckParameterGroupAttached")}: it creates ${md.code(group)} only when the cluster does not use it yet, and stops when the cluster has a custom group of its own, which is then yours to change as above.
</@m.form>
</#if>
</@m.forms>

If it already exists: ${md.code("DBParameterGroupAlreadyExists")} from ${md.code("create-db-cluster-parameter-group")} means a group ${md.code(group)} was made before (an earlier run). Use it if its family is ${md.code(family)}:

```sh
aws rds describe-db-cluster-parameter-groups --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)} \
  --query 'DBClusterParameterGroups[0].DBParameterGroupFamily' --output text
```

Setting a parameter replaces only that parameter's value. To see what the group sets already (and what the step replaces), list the values set by hand:

```sh
aws rds describe-db-cluster-parameters --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)} --source user \
  --query 'Parameters[].[ParameterName,ParameterValue]' --output text
```

## Part 3: reboot the writer instance

This is the reboot that applies the parameter (see "Before you start").

<@m.forms>
<@m.form "console">
1. In **Databases**, open the cluster ${md.code(cluster)} and choose the instance whose **Role** is **Writer instance**.
2. Choose **Actions**, then **Reboot**, then **Confirm**.
3. Wait until the instance's status is **Available** again.
</@m.form>
<@m.form "cli">
This prints the writer's identifier, reboots it and waits until it is available again:

```sh
writer=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].DBClusterMembers[?IsClusterWriter].DBInstanceIdentifier' \
  --output text)
echo "Rebooting $writer"
aws rds reboot-db-instance --region ${sh(aws.region)} --db-instance-identifier "$writer"
aws rds wait db-instance-available --region ${sh(aws.region)} --db-instance-identifier "$writer"
```
</@m.form>
<#if docs.terraform??>
<@m.form "terraform">
<@tfm.noReboot/>
</@m.form>
</#if>
<#if docs.cloudformation??>
<@m.form "cloudformation">
<@iacm.cfnCannot "reboot the writer of"/>
</@m.form>
</#if>
<#if docs.automation??>
<@m.form "ssm">
The Automation runbook of part 1 does this part too, in its steps ${md.code("FindWriter")} to ${md.code("CheckWriterInSync")}: it reboots the writer only, waits until it is ${md.code("available")}, and fails unless the writer then shows the parameter group ${md.code("in-sync")}.
</@m.form>
</#if>
</@m.forms>

Readers do not run LOAD DATA FROM S3, but a reader that becomes the writer after a failover needs the parameter applied too: reboot the readers as well, one at a time, when it suits you, until every member shows ${md.code("in-sync")} below.

## Check it

```sh
aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].AssociatedRoles'
aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].DBClusterParameterGroup' --output text
aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].DBClusterMembers'
aws rds describe-db-cluster-parameters --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)} --source user \
  --query 'Parameters[].[ParameterName,ParameterValue]' --output text
```

- The first command lists the role ${md.code(roleArn)} with ${md.code("\"Status\": \"ACTIVE\"")}. ${md.code("PENDING")}: it is still being added, wait. ${md.code("INVALID")}: Aurora cannot assume the role; check the role's trust policy (<@my.stepRef "aurora-role" "the role's runbook"/>).
- The second prints ${md.code(group)} (or the custom group the cluster already had).
- In the third, the member with ${md.code("\"IsClusterWriter\": true")} shows ${md.code("\"DBClusterParameterGroupStatus\": \"in-sync\"")}. ${md.code("pending-reboot")}: the writer has not restarted since part 2, so do part 3. ${md.code("applying")}: wait a minute and look again.
- The fourth lists <@my.andList params?map(n -> md.code(n))/><#if params?size gt 1>, each</#if> with the value ${md.code(roleArn)}.

## Roll back

Remove the role from the cluster:

```sh
aws rds remove-role-from-db-cluster --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --role-arn ${sh(roleArn)}
```

If the cluster had a custom group of its own before, clear the parameter<#if params?size gt 1>s</#if> in it, then reboot the writer as in part 3:

```sh
aws rds reset-db-cluster-parameter-group --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)} \
  --parameters <#list params as name>${sh("ParameterName=" + name + ",ApplyMethod=pending-reboot")}<#sep> \
    ${""?no_esc}</#list>
```

If you created ${md.code(group)} in part 2, return the cluster to ${md.code(defaultGroup)} instead, and reboot the writer as in part 3:

```sh
aws rds modify-db-cluster --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --db-cluster-parameter-group-name ${sh(defaultGroup)} \
  --apply-immediately
```

Once the writer shows ${md.code("in-sync")} again ("Check it", third command), delete the group you created:

```sh
aws rds delete-db-cluster-parameter-group --region ${sh(aws.region)} \
  --db-cluster-parameter-group-name ${sh(group)}
```

## Next

<@m.stepLinks/>

## About this runbook

${runwright.generator} wrote it from AWS's page ${md.link("Associating an IAM role with an Amazon Aurora MySQL DB cluster", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.AddRoleToDBCluster.html")}, with the page's mistakes corrected:

- Its CLI example creates the group with the family ${md.code("aurora5.7")}, which is no parameter group family (Aurora MySQL 2's is ${md.code("aurora-mysql5.7")}, version 3's ${md.code("aurora-mysql8.0")}); the family here is ${md.code(family)}.
- It writes the apply method ${md.code("method=pending-reboot")}; the AWS CLI's key is ${md.code("ApplyMethod=")}.
- It repeats ${md.code("--parameters")} for each parameter, where the AWS CLI may keep only the last; several parameters go after one ${md.code("--parameters")}.
- Aurora MySQL takes no feature name when a role is added; the Aurora PostgreSQL pages' ${md.code("--feature-name s3Import")} (and Terraform's example ${md.code("S3_INTEGRATION")}, an RDS for Oracle name) do not apply here.
- The RDS API reference suggests ${md.code("RebootDBCluster")} to apply a static parameter, but that call is for Multi-AZ DB clusters, not Aurora; the writer is rebooted with ${md.code("reboot-db-instance")}.
- The page says a reboot is needed; it is needed whether the group is new or not, since the parameter waits for the restart.
