<#import "/common/macros.md.ftl" as m>
<#import "/common/postgresql.md.ftl" as apg>
<#assign cluster = apg.cluster>
<#assign role = apg.dbUser>
<#assign extensions = []>
<#if p.buckets??><#assign extensions = extensions + ["aws_s3"]></#if>
<#if p.lambdaFunctions??><#assign extensions = extensions + ["aws_lambda"]></#if>
<#assign schemas = ["aws_commons"] + extensions>
<#assign many = extensions?size gt 1>
# Install the ${extensions?join(" and ")} extension<#if many>s</#if> on the Aurora PostgreSQL cluster ${cluster}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<@apg.placeholders ["cluster", "dbUser", "database"]/>
The roles of the previous steps let the cluster reach <#if p.buckets??>Amazon S3</#if><#if many> and </#if><#if p.lambdaFunctions??>AWS Lambda</#if>; the SQL functions that use them come from PostgreSQL extensions. This runbook installs <#list extensions as e>${md.code(e)}<#sep> and </#list> in the database ${md.code(apg.database)}, on the writer, as a user with ${md.code("rds_superuser")} (<#if p.buckets??>${md.code("aws_s3")} has ${md.code("table_import_from_s3")} and ${md.code("query_export_to_s3")}; </#if><#if p.lambdaFunctions??>${md.code("aws_lambda")} has ${md.code("invoke")}; </#if>${md.code("CASCADE")} also installs ${md.code("aws_commons")}, whose helper functions they take as arguments). It then lets the database role **${role}** use them.

<#assign uses = []>
<#if p.buckets?? && p.access?seq_contains("load")><#assign uses = uses + ["imports from S3"]></#if>
<#if p.buckets?? && p.access?seq_contains("save")><#assign uses = uses + ["exports to S3"]></#if>
<#if p.lambdaFunctions??><#assign uses = uses + ["calls Lambda"]></#if>
An extension belongs to one database: repeat this runbook in each database that ${uses?join(" or ")}.

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "DB cluster" md.code(cluster)/>
<@m.row "Database" md.code(apg.database)/>
<#assign all = extensions + ["aws_commons"]>
<#assign extensionCodes><#list all as e>${md.code(e)}<@apg.sep e?index all?size/></#list></#assign>
<@m.row "Extensions" extensionCodes/>
<@m.row "Database role that uses them" md.code(role)/>
<@m.row "Connect as" "the cluster's master user, who has " + md.code("rds_superuser")/>

## Before you start

- <#if apg.features?size gt 1>Each role<#else>The role</#if> must be ${md.code("ACTIVE")} on the cluster: ${apg.stepLink("aurora-postgresql-associate", "associate the roles first")}. (The extensions install without it, but do nothing until then.)
- You need ${md.code("psql")} (PostgreSQL's client) where you run the commands, and a network path to the cluster on its port: a security group of the cluster must let your address in.
- psql asks for the master user's password; it is not in this runbook. If the cluster keeps it in AWS Secrets Manager, the secret is the one ${md.code("aws rds describe-db-clusters")} shows as ${md.code("MasterUserSecret")}.
<#if p.dbUser?? && p.dbUser.host??>
- The database user was given as ${md.code(p.dbUser.input)}. A PostgreSQL role has no host part, so only ${md.code(role)} is used; which addresses it may connect from is up to the cluster's security groups.
</#if>

## Connect to the writer

The cluster endpoint always leads to the writer instance; a reader refuses ${md.code("CREATE EXTENSION")} (it is read-only). This looks the endpoint, port and master user name up and connects:

<@apg.connect "admin"/>

## Install the extension<#if many>s</#if>

```sql
<#list extensions as e>
CREATE EXTENSION IF NOT EXISTS <@apg.schema e/> CASCADE;
</#list>
```

Expected:

```text
NOTICE:  installing required extension "aws_commons"
<#list extensions as e>
CREATE EXTENSION
</#list>
```

The notice appears once, for the first extension that needs ${md.code("aws_commons")}. An extension that is already there gives ${md.code("NOTICE:  extension \"" + extensions[0] + "\" already exists, skipping")} instead, which is fine.

## Let the role ${role} use them

First make sure the role exists and may log in:

```sql
SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ${pg.str(role)};
```

One row with ${md.code("rolcanlogin")} ${md.code("t")} is what you want. No row: create the role, then give it a password with psql's ${md.code("\\password")}, which asks for it twice and sends it hashed, so that it stays out of your shell history and the server's logs:

```sql
CREATE ROLE ${pg.id(role)} LOGIN;
\password ${pg.id(role)}
```

Then let it use the functions:

```sql
<#list schemas as s>
GRANT USAGE ON SCHEMA <@apg.schema s/> TO ${pg.id(role)};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA <@apg.schema s/> TO ${pg.id(role)};
</#list>
```

What AWS documents, and what follows from PostgreSQL's rules:

<#if p.lambdaFunctions??>
- The two ${md.code("aws_lambda")} grants are the ones of AWS's Lambda page ("Grant other users permission to invoke Lambda functions"); without them only ${md.code("rds_superuser")} can invoke.
</#if>
<#if p.buckets??>
- AWS's import and export pages give no grants at all: their examples run as ${md.code("rds_superuser")}. The ${md.code("aws_s3")} grants follow PostgreSQL's rules (a role needs ${md.code("USAGE")} on a schema to reach its functions, and ${md.code("EXECUTE")} on each function); they are not from AWS.
</#if>
- The ${md.code("aws_commons")} grants are for ${md.code("aws_commons.create_s3_uri")}<#if p.lambdaFunctions??> and ${md.code("aws_commons.create_lambda_function_arn")}</#if>, whose results the functions take; AWS's pages do not name them either.
- ${md.code("ALL FUNCTIONS IN SCHEMA")} covers the functions there now. If an extension update adds functions (see below), run the ${md.code("EXECUTE")} grants again.
- The role name is written in double quotes, so PostgreSQL takes it exactly as given (unquoted names are folded to lower case).
<#if p.buckets??>
- Importing into a table also takes ${md.code("INSERT")} on that table, and exporting a query takes ${md.code("SELECT")} on what it reads; grant those as for any table. The test step does so for its scratch table.
</#if>

## Check it

```sql
\dx
SELECT extname, extversion FROM pg_extension
  WHERE extname IN (<#list (["aws_commons"] + extensions) as e>${pg.str(e)}<#sep>, </#list>) ORDER BY extname;
```

The query lists <#list (["aws_commons"] + extensions) as e>${md.code(e)}<#sep>, </#list>, one row each. The versions depend on the engine version (AWS's import page shows ${md.code("aws_commons")} 1.2 and ${md.code("aws_s3")} 1.1).

```sql
SELECT n.nspname AS schema,
       has_schema_privilege(${pg.str(role)}, n.oid, 'USAGE') AS usage,
       bool_and(has_function_privilege(${pg.str(role)}, f.oid, 'EXECUTE')) AS execute_all
  FROM pg_namespace n JOIN pg_proc f ON f.pronamespace = n.oid
  WHERE n.nspname IN (<#list schemas as s>${pg.str(s)}<#sep>, </#list>)
  GROUP BY n.nspname, n.oid ORDER BY 1;
```

Expected: one row per schema (<#list schemas as s>${md.code(s)}<#sep>, </#list>), each with ${md.code("t")} in both ${md.code("usage")} and ${md.code("execute_all")}.

## If it already exists

- An extension that is already installed is skipped (${md.code("IF NOT EXISTS")}); a grant given twice changes nothing.
- After an engine upgrade the installed extension keeps its old version until you update it. ${md.code("\\dx")} shows the installed version; this moves it to the newest the engine has (then run the ${md.code("EXECUTE")} grants again):

```sql
<#list extensions as e>
ALTER EXTENSION <@apg.schema e/> UPDATE;
</#list>
```

## Roll back

Take the grants back:

```sql
<#list schemas?reverse as s>
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA <@apg.schema s/> FROM ${pg.id(role)};
REVOKE USAGE ON SCHEMA <@apg.schema s/> FROM ${pg.id(role)};
</#list>
```

Removing the extensions is a decision for the whole database, not for this role: it removes the functions for **every** user of ${md.code(apg.database)}. PostgreSQL refuses only while an object depends on the extension's types (a column or an argument of type ${md.code("aws_commons._s3_uri_1")}, say); functions and procedures that merely call ${md.code("aws_s3")}<#if p.lambdaFunctions??> or ${md.code("aws_lambda")}</#if> are not tracked, and start failing. Do not add ${md.code("CASCADE")}, which would drop the dependent objects too. Drop ${md.code("aws_commons")} last, and only when no other extension uses it:

```sql
<#list extensions?reverse as e>
DROP EXTENSION IF EXISTS <@apg.schema e/>;
</#list>
DROP EXTENSION IF EXISTS aws_commons;
```

Drop the role only if you created it above and nothing else uses it (${md.code("DROP ROLE")} refuses while it owns objects or holds privileges).

## Next

<@m.stepLinks/>

## About this runbook

${runwright.generator} wrote it from AWS's <@apg.pages p.buckets?? p.buckets?? p.lambdaFunctions??/>, with the values filled in and these gaps closed:

- The import page installs with ${md.code("CREATE EXTENSION aws_s3 CASCADE")}, which fails when the extension is already there; ${md.code("IF NOT EXISTS")} makes the step safe to run again.
- The pages say to connect to "the writer" or "the primary DB instance" but not how to find it (the Lambda page's example uses an instance endpoint, which stops being the writer after a failover); the cluster endpoint used here always leads to the writer.
- They do not say that an extension is installed per database, nor how a role other than ${md.code("rds_superuser")} gets to use ${md.code("aws_s3")}; the grants above say what is AWS's and what is PostgreSQL's.
- They give no way to check the result or to roll it back.
