<#import "/common/macros.md.ftl" as m>
<#import "/common/terraform.md.ftl" as tfm>
<#import "/common/aurora-iac.md.ftl" as iacm>
<#import "/common/postgresql.md.ftl" as apg>
<#assign cluster = apg.cluster>
<#assign features = apg.features>
<#assign many = features?size gt 1>
# Associate the <#if many>roles<#else>role</#if> with the Aurora PostgreSQL cluster ${cluster}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<@apg.placeholders ["cluster"]/>
This runbook adds <#if many>each feature's role<#else>the role</#if> to the Aurora PostgreSQL cluster **${cluster}**, with <#if many>its<#else>the</#if> feature name: <#list features as f>**${f.role}** as ${md.code(f.name)} for ${f.what}<#sep>; </#list>. On Aurora PostgreSQL the feature name is what tells the cluster which role to use for which function: there is no cluster parameter, no DB cluster parameter group to change and no reboot (unlike Aurora MySQL, which names its role in ${md.code("aws_default_s3_role")} and needs the writer rebooted). Each feature works as soon as its role shows ${md.code("ACTIVE")}.

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "DB cluster" md.code(cluster)/>
<@m.row "Cluster ARN" md.code(apg.clusterArn)/>
<#list features as f>
<@m.row "Feature " + md.code(f.name) md.code(f.role.arn)/>
</#list>

## Before you start

- The <#if many>roles<#else>role</#if> <#list features as f>${md.code(f.role)}<@apg.sep f?index features?size/></#list> must exist, with <#if many>their<#else>its</#if> policies attached: ${apg.stepLink("aurora-role", "create them first")}.
- Sign in to account ${md.code(aws.account)} as a user or role that may add roles to the cluster: ${md.code("rds:AddRoleToDBCluster")} on the cluster, and ${md.code("iam:PassRole")} on <#if many>each<#else>the</#if> role.
- The cluster must be provisioned or Aurora Serverless v2; Aurora Serverless v1 clusters cannot have IAM roles.<#if features?filter(f -> f.name == "s3Import")?has_content> AWS's pages ask for Aurora PostgreSQL 10.7 or later for import from S3.</#if><#if p.lambdaFunctions??> AWS's Lambda page asks for Aurora PostgreSQL 11.9 or later.</#if>

**The engine version offers <#if many>each<#else>the</#if> feature.** This prints the cluster's engine version, then the feature names that version supports:

```sh
version=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].EngineVersion' --output text)
echo "Engine version $version"
aws rds describe-db-engine-versions --region ${sh(aws.region)} \
  --engine aurora-postgresql --engine-version "$version" \
  --query 'DBEngineVersions[0].SupportedFeatureNames'
```

The list must hold <#list features as f>${md.code("\"" + f.name + "\"")}<@apg.sep f?index features?size/></#list>. A feature missing from it cannot be added on this version: upgrade the cluster first.

**The roles the cluster has now.** A cluster takes at most 5 IAM roles:

```sh
aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].AssociatedRoles'
```

${md.code("[]")} means none. If a role is already listed with one of the feature names above, read *If a feature already has a role* below before you go on.

**A global database.** If the cluster is part of an Aurora global database, every cluster of it needs the same association, because a secondary cluster can be promoted. This lists each global database of the account with the ARNs of its clusters; look for ${md.code(apg.clusterArn)} (${md.code("[]")} when the account has none):

```sh
aws rds describe-global-clusters --region ${sh(aws.region)} \
  --query 'GlobalClusters[].[GlobalClusterIdentifier,GlobalClusterMembers[].DBClusterArn]'
```

AWS's Aurora MySQL pages ask for this; its PostgreSQL pages say nothing about global databases. Give each other cluster an entry of its own in your inventory: the roles trust only the cluster they name.

## Add the <#if many>roles<#else>role</#if> to the cluster

<@m.forms>
<@m.form "console">
1. <@m.open "RDS console" aws.rdsConsoleUrl!"" "#databases:"/>
2. Choose **Databases**, then the cluster ${md.code(cluster)} (the cluster, not one of its instances).
3. On the **Connectivity & security** tab, find the section **Manage IAM roles**.
<#list features as f>
${4 + f?index * 3}. Under **Add IAM roles to this cluster**, choose ${md.code(f.role)}.
${5 + f?index * 3}. For **Feature**, choose **${f.name}**.
${6 + f?index * 3}. Choose **Add role**.
</#list>
${4 + features?size * 3}. Wait until <#if many>each role's<#else>the role's</#if> status under **Current IAM roles for this cluster** changes from **Pending** to **Active**.

</@m.form>
<@m.form "cli">
<#list features as f>
```sh
aws rds add-role-to-db-cluster --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --role-arn ${sh(f.role.arn)} \
  --feature-name ${sh(f.name)}
```

</#list>
The feature name is required on Aurora PostgreSQL: without ${md.code("--feature-name")} RDS refuses the call. Each command prints nothing when it succeeds.
</@m.form>
<#if docs.terraform??>
<@m.form "terraform">
<@tfm.pgAssociateForm/>
</@m.form>
</#if>
<#if docs.automation??>
<@m.form "ssm">
<@iacm.ssmForStep/>
</@m.form>
</#if>
</@m.forms>

If RDS answers ${md.code("InvalidParameterValue")} with "IAM role ARN value is invalid or does not include the required permissions for: AWS_ROLE_INTEGRATION" just after the role was created, IAM has not finished publishing it: wait a minute and run the command again. If it keeps failing, check the role's trust policy (${apg.stepLink("aurora-role", "the role step")}).

## Check it

```sh
aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].AssociatedRoles'
```

Expected, in any order and among any roles the cluster already had:

<#assign expected = "[\n">
<#list features as f>
<#assign expected = expected + "    {\n        \"RoleArn\": \"" + f.role.arn + "\",\n        \"Status\": \"ACTIVE\",\n        \"FeatureName\": \"" + f.name + "\"\n    }" + f?has_next?then(",", "") + "\n">
</#list>
<#assign expected = expected + "]">
${md.block(expected, "json")}

- ${md.code("PENDING")}: RDS is still adding the role; run the command again in a minute.
- ${md.code("INVALID")}: the role is on the cluster, but the cluster cannot assume it. That is the role's trust policy: it must trust ${md.code("rds.amazonaws.com")} for account ${md.code(aws.account)}<#if p.clusterId??> and the cluster ${md.code(apg.clusterArn)}</#if> (${apg.stepLink("aurora-role", "the role step")}). Fix it with ${md.code("aws iam update-assume-role-policy")}, then remove the role from the cluster and add it again.

Nothing else is needed on the cluster: no parameter to set and nothing to restart.

## If a feature already has a role

A role can be on a cluster only once, for one feature: that is why each feature has a role of its own. Adding it again fails with ${md.code("DBClusterRoleAlreadyExists")}; if the role is already listed with the right feature name, this step is done. AWS's pages do not say whether a feature may have two roles; keep one.

If another role already holds one of the features above, either keep it and attach this procedure's policy for that feature to it instead, or remove it first (as in *Roll back* below, with its own ARN). Removing it stops that feature for every database user until the new role is ${md.code("ACTIVE")}.

## Roll back

<#list features as f>
```sh
aws rds remove-role-from-db-cluster --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --role-arn ${sh(f.role.arn)} \
  --feature-name ${sh(f.name)}
```

</#list>
In the console: on the cluster's **Connectivity & security** tab, under **Current IAM roles for this cluster**, choose the role, then **Delete**. From then on the cluster refuses <#list features as f>${f.what}<@apg.sep f?index features?size/></#list>. The IAM roles stay; delete them with the role step's roll back.

## Next

<@m.stepLinks/>

## About this runbook

<#assign hasImport = features?filter(f -> f.name == "s3Import")?has_content>
<#assign hasExport = features?filter(f -> f.name == "s3Export")?has_content>
${runwright.generator} wrote it from AWS's <@apg.pages hasImport hasExport p.lambdaFunctions??/>, with the values filled in and these defects corrected:

<#if hasExport>
- The export page's console step says "Add IAM roles to this **instance**"; the roles go on the cluster<#if hasImport>, as the import page says</#if>.
</#if>
<#if hasImport || hasExport>
- The S3 pages' trust policy examples name a DB instance (${md.code("arn:aws:rds:…:db:dbname")}) as ${md.code("aws:SourceArn")}; a role used by a cluster must name the cluster (${md.code(apg.clusterArn)}), as the role step does.
- The S3 pages link "Creating and using an IAM policy for IAM database access", which is about signing in to the database with IAM, not about S3, and "Creating a role to delegate permissions to an IAM user", although this is a service role for RDS.
- Their Windows examples wrap JSON in single quotes, which cmd.exe does not read as quoting. The commands here are for a POSIX shell (sh, bash) and zsh.
</#if>
<#if p.lambdaFunctions??>
- The Lambda page's role trusts ${md.code("rds.amazonaws.com")} with no condition at all; the role step limits it to the account<#if p.clusterId??> and the cluster</#if>.
</#if>
- The pages do not say that a feature missing from the engine version's ${md.code("SupportedFeatureNames")} cannot be added, nor how to see which roles a cluster has, nor that a role can serve only one feature on a cluster; all three are above.
