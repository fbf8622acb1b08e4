<#-- Shared by the Aurora MySQL steps after the role (association, database grants, end-to-end
     test). Markdown (*.md.ftl): ${...} here is Markdown-escaped, and inside a ```sh or ```sql
     block a value must go through sh()/opt() or mysql.*, as in the runbooks that import it. -->

<#-- The cluster identifier, or its placeholder. -->
<#function cluster>
  <#return p.clusterId???then(p.clusterId?string, "<your-cluster-id>")>
</#function>

<#-- Whether the runbook is for Aurora MySQL version 3 (MySQL 8.0 compatible). -->
<#function v3>
  <#return p.auroraMysqlVersion == 3>
</#function>

<#-- The DB parameter group family of the cluster's major version. -->
<#function family>
  <#return v3()?then("aurora-mysql8.0", "aurora-mysql5.7")>
</#function>

<#-- The S3 VPC endpoint service name of the runbook's Region: China's has the cn. prefix. -->
<#function endpointService service>
  <#return (aws.partition == "aws-cn")?then("cn.com.amazonaws.", "com.amazonaws.") + aws.region + "." + service>
</#function>

<#-- The step of this procedure made by pack id, or an empty sequence. -->
<#function stepOf pack>
  <#return steps?filter(s -> s.pack == pack)>
</#function>

<#-- "step 3 (Create the S3 policy)" linked to that step, or the fallback text when the procedure
     has no such step. -->
<#macro stepRef pack fallback>
<#assign found = stepOf(pack)>
<#if found?has_content><#assign s = found[0]>${md.link("step " + s.number + " (" + s.title + ")", s.href)}<#else>${fallback}</#if></#macro>

<#-- The database account for SQL ('name'@'host'), or its placeholder. Only inside ```sql blocks. -->
<#macro dbUserSql><#if p.dbUser??>${mysql.user(p.dbUser.name, p.dbUser.mysqlHost)}<#else><your-db-user></#if></#macro>

<#-- The database account for prose. -->
<#function dbUserText>
  <#return p.dbUser???then("'" + p.dbUser.name + "'@'" + p.dbUser.mysqlHost + "'", "<your-db-user>")>
</#function>

<#-- A sh block that finds the cluster's writer endpoint and opens a mysql session on it as
     the master user (user = "master") or as the runbook's database user. No password is written:
     --password makes the client ask for it. -->
<#macro connect user="master" database="">
```sh
endpoint=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster())} \
  --query 'DBClusters[0].Endpoint' --output text)
<#if user == "master">
master=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster())} \
  --query 'DBClusters[0].MasterUsername' --output text)
mysql --host="$endpoint" --user="$master" --password<#if database?has_content> --database=${sh(database)}</#if>
<#else>
mysql --host="$endpoint" --user=${sh(p.dbUser???then(p.dbUser.name, "<your-db-user>"))} --password<#if database?has_content> --database=${sh(database)}</#if>
</#if>
```
</#macro>

<#-- Items joined as prose: "a", "a and b", "a, b and c". Each item is text (escaped here) or
     Markdown markup such as md.code(x). -->
<#macro andList items><#list items as i>${i}<#if i?has_next><#if i?index == items?size - 2> and <#else>, </#if></#if></#list></#macro>

<#-- "AWS's page X" or "AWS's pages X, Y and Z": the Aurora MySQL guide's pages for loading, saving
     and Lambda, as links. -->
<#macro awsPages load save lambda>
<#assign links = []>
<#if load><#assign links = links + [md.link("Loading data into an Amazon Aurora MySQL DB cluster from text files in an Amazon S3 bucket", aws.auroraGuideUrl + "AuroraMySQL.Integrating.LoadFromS3.html")]></#if>
<#if save><#assign links = links + [md.link("Saving data from an Amazon Aurora MySQL DB cluster into text files in an Amazon S3 bucket", aws.auroraGuideUrl + "AuroraMySQL.Integrating.SaveIntoS3.html")]></#if>
<#if lambda><#assign links = links + [md.link("Invoking a Lambda function from an Amazon Aurora MySQL DB cluster", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Lambda.html")]></#if>
AWS's page<#if links?size gt 1>s</#if> <@andList links/></#macro>

<#-- The custom DB cluster parameter group that names the role: parameterGroup, else the cluster
     id followed by -s3-access, else the placeholder. -->
<#function parameterGroup>
  <#return p.parameterGroup!(p.clusterId???then(p.clusterId?string + "-s3-access", "<your-parameter-group>"))>
</#function>

<#-- The cluster parameters that name the role: for S3 (and so KMS) aws_default_s3_role on
     version 3, on version 2 the one of each access (aurora_load_from_s3_role,
     aurora_select_into_s3_role); aws_default_lambda_role for Lambda. -->
<#function clusterParams>
  <#local out = []>
  <#if p.buckets?? || p.keys??>
    <#if v3()>
      <#local out = ["aws_default_s3_role"]>
    <#else>
      <#if p.access?seq_contains("load")><#local out = out + ["aurora_load_from_s3_role"]></#if>
      <#if p.access?seq_contains("save")><#local out = out + ["aurora_select_into_s3_role"]></#if>
    </#if>
  </#if>
  <#return out + p.lambdaFunctions???then(["aws_default_lambda_role"], [])>
</#function>

<#-- The description of a new parameter group: what the role is for, and the cluster. -->
<#function parameterGroupDescription>
  <#return groupPurpose() + " for Aurora MySQL cluster " + cluster()>
</#function>

<#-- What the role is for, as the group's description begins. -->
<#function groupPurpose>
  <#local s3 = p.buckets?? || p.keys??>
  <#local lambda = p.lambdaFunctions??>
  <#return (s3 && lambda)?then("S3, KMS and Lambda access", lambda?then("Lambda access", "S3 and KMS access"))>
</#function>
