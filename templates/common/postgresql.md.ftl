<#-- Values and blocks shared by the Aurora PostgreSQL steps (association, extensions, test).
     Import it as <#import "/common/postgresql.md.ftl" as apg> ("pg" is the SQL quoting helper).
     This file is Markdown (*.md.ftl): ${...} here is escaped like in the runbooks that import it. -->

<#-- The cluster, the database role and the database, or the marked placeholders that stand for
     them; each page that uses a placeholder names it in <@apg.placeholders/>. -->
<#assign cluster = p.clusterId???then(p.clusterId?string, "<your-cluster-id>")>
<#assign clusterArn = p.clusterId???then(p.clusterId.arn, "arn:" + aws.partition + ":rds:" + aws.region + ":" + aws.account + ":cluster:<your-cluster-id>")>
<#assign dbUser = (p.dbUser??)?then(p.dbUser.name, "<your-db-user>")>
<#assign database = p.database!"<your-database>">

<#-- The features this runbook sets up, each with its role: s3Import (buckets, access load),
     s3Export (buckets, access save), Lambda (lambdaFunctions). AWS's pages give each its own role
     and feature name (AWS-FACTS-INTEGRATIONS.md C1, C2, B3). -->
<#assign features = []>
<#if p.buckets?? && p.access?seq_contains("load")>
  <#assign features = features + [{"name": "s3Import", "role": p.s3ImportRoleName, "what": "aws_s3.table_import_from_s3 (import from S3)"}]>
</#if>
<#if p.buckets?? && p.access?seq_contains("save")>
  <#assign features = features + [{"name": "s3Export", "role": p.s3ExportRoleName, "what": "aws_s3.query_export_to_s3 (export to S3)"}]>
</#if>
<#if p.lambdaFunctions??>
  <#assign features = features + [{"name": "Lambda", "role": p.lambdaRoleName, "what": "aws_lambda.invoke (call Lambda functions)"}]>
</#if>

<#-- The step of pack `id` as a link, or its title alone when the procedure has no such step. -->
<#function stepLink id fallback>
  <#list steps![] as s>
    <#if s.pack == id>
      <#return s.href???then(md.link("Step " + s.number + ": " + s.title, s.href), md.text("Step " + s.number + ": " + s.title))>
    </#if>
  </#list>
  <#return md.text(fallback)>
</#function>

<#-- The note that explains each placeholder a page uses; `used` lists the kinds it uses
     ("cluster", "dbUser", "database"). Nothing when every value was given. -->
<#macro placeholders used>
<#assign missing = []>
<#if used?seq_contains("cluster") && !p.clusterId??><#assign missing = missing + ["cluster"]></#if>
<#if used?seq_contains("dbUser") && !p.dbUser??><#assign missing = missing + ["dbUser"]></#if>
<#if used?seq_contains("database") && !p.database??><#assign missing = missing + ["database"]></#if>
<#if missing?has_content>
> **Placeholder:** <#if missing?size gt 1>some values were<#else>a value was</#if> not given, so a marked placeholder stands for <#if missing?size gt 1>each<#else>it</#if> below. Replace <#if missing?size gt 1>them<#else>it</#if> everywhere before you run anything, or generate again with the value:
>
<#list missing as kind>
<#if kind == "cluster">
> - ${md.code("<your-cluster-id>")}: the identifier of the Aurora PostgreSQL DB cluster (${md.code("--cluster-id")}, or ${md.code("clusterId")} in YAML).
<#elseif kind == "dbUser">
> - ${md.code("<your-db-user>")}: the database role that imports, exports or invokes (${md.code("--db-user")}, or ${md.code("dbUser")} in YAML).
<#else>
> - ${md.code("<your-database>")}: the database the extensions and the test table go in (${md.code("--database")}, or ${md.code("database")} in YAML).
</#if>
</#list>

</#if>
</#macro>

<#-- Connects psql to the writer: the cluster endpoint always leads to the writer instance. `who`
     is "admin" (the master user, who has rds_superuser) or "dbUser". -->
<#macro connect who>
```sh
host=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].Endpoint' --output text)
port=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].Port' --output text)
<#if who == "admin">
admin=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].MasterUsername' --output text)
PGSSLMODE=require psql --host="$host" --port="$port" --username="$admin" --dbname=${sh(database)}
<#else>
PGSSLMODE=require psql --host="$host" --port="$port" --username=${sh(dbUser)} --dbname=${sh(database)}
</#if>
```
</#macro>

<#-- One of the extension schemas by name, written as template text: the names come from this
     closed set, never from the input, so inside a ```sql block they need no quoting (a bare
     ${...} there is refused, whatever the value). -->
<#macro schema name><#switch name><#case "aws_commons">aws_commons<#break><#case "aws_s3">aws_s3<#break><#case "aws_lambda">aws_lambda<#break><#default><#stop "apg.schema: not an extension schema: " + name></#switch></#macro>

<#-- Plain words joined as a sentence does: "a", "a and b", "a, b and c". -->
<#function sentence items>
  <#if items?size lt 2><#return items?join("")></#if>
  <#return items[0..<items?size - 1]?join(", ") + " and " + items?last>
</#function>

<#-- Between the items of a <#list> that reads as a sentence: ", " and, before the last, " and ".
     Use it as <#list xs as x>${md.code(x)}<@apg.sep x?index xs?size/></#list>. -->
<#macro sep index size><#if index + 1 lt size><#if index + 2 == size> and <#else>, </#if></#if></#macro>

<#-- "page X", "pages X and Y", ...: AWS's pages a runbook was written from, each linked. -->
<#macro pages import export lambda>
<#assign list = []>
<#if import><#assign list = list + [["Importing Amazon S3 data into an Aurora PostgreSQL DB cluster", "USER_PostgreSQL.S3Import.html"]]></#if>
<#if export><#assign list = list + [["Exporting data from an Aurora PostgreSQL DB cluster to Amazon S3", "postgresql-s3-export.html"]]></#if>
<#if lambda><#assign list = list + [["Invoking an AWS Lambda function from an Aurora PostgreSQL DB cluster", "PostgreSQL-Lambda.html"]]></#if>
page<#if list?size gt 1>s</#if> <#list list as l>${md.link(l[0], aws.auroraGuideUrl + l[1])}<@sep l?index list?size/></#list><#t>
</#macro>
