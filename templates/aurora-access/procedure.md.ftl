<#-- The overview of the whole job: what it achieves for this cluster, every step with what it
     produces, the placeholders still left, and where it ends (the test). Its first heading is
     the procedure's title in the index and the breadcrumbs. -->
<#import "/common/macros.md.ftl" as m>
<#import "/common/aurora-iac.md.ftl" as iacm>
<#assign pg = p.engine == "aurora-postgresql">
<#assign engine = pg?then("Aurora PostgreSQL", "Aurora MySQL")>
<#assign hasBuckets = p.buckets?? && p.buckets?has_content>
<#assign hasKeys = p.keys?? && p.keys?has_content>
<#assign hasFns = p.lambdaFunctions?? && p.lambdaFunctions?has_content>
<#assign load = p.access?seq_contains("load")>
<#assign save = p.access?seq_contains("save")>
<#assign last = steps?last>
<#assign nouns = hasBuckets?then(["locations"], []) + hasKeys?then(["keys"], []) + hasFns?then(["functions"], [])>
<#assign covered = (nouns?size lt 2)?then(nouns?join(""), nouns[0..nouns?size - 2]?join(", ") + " and " + nouns?last)>
<#assign tested = last.pack?ends_with("-test")>
<#-- What the cluster may do at the end, as the title says it. -->
<#assign verbs = []>
<#if hasBuckets>
  <#if load && save>
    <#assign verbs = verbs + [pg?then("import from and export to S3", "load from and save to S3")]>
  <#elseif load>
    <#assign verbs = verbs + [pg?then("import from S3", "load from S3")]>
  <#else>
    <#assign verbs = verbs + [pg?then("export to S3", "save to S3")]>
  </#if>
<#elseif hasKeys>
  <#assign verbs = verbs + ["use your KMS " + (p.keys?size gt 1)?then("keys", "key")]>
</#if>
<#if hasFns><#assign verbs = verbs + ["invoke Lambda"]></#if>
<#if p.clusterId??>
  <#assign who = engine + " cluster " + p.clusterId?string>
<#elseif entry??>
  <#assign who = "the " + engine + " cluster of " + entry.id>
<#else>
  <#assign who = "an " + engine + " cluster">
</#if>
<#-- The placeholders the steps still carry, each with how to fill it in. -->
<#assign holes = []>
<#if !p.clusterId??><#assign holes = holes + [{"text": "<your-cluster-id>", "what": "the cluster identifier", "flag": "--cluster-id", "param": "clusterId"}]></#if>
<#if !pg && !p.clusterId?? && !p.parameterGroup?? && steps?filter(s -> s.pack == "aurora-associate")?has_content><#assign holes = holes + [{"text": "<your-parameter-group>", "what": "the custom DB cluster parameter group (by default the cluster identifier followed by -s3-access)", "flag": "--parameter-group", "param": "parameterGroup"}]></#if>
<#if !p.dbUser?? && steps?filter(s -> s.pack?ends_with("-database"))?has_content><#assign holes = holes + [{"text": "<your-db-user>", "what": pg?then("the database role that imports and exports", "the database user that loads and saves"), "flag": "--db-user", "param": "dbUser"}]></#if>
<#if !p.database?? && tested><#assign holes = holes + [{"text": "<your-database>", "what": "the database the test table goes in", "flag": "--database", "param": "database"}]></#if>
# Let ${who} ${verbs?join(" and ")}

<#if aws??>Account ${md.code(aws.account)} · ${aws.region} (${aws.regionName}) · partition ${md.code(aws.partition)}

</#if>
<#if holes?has_content>
> **Placeholders:** <#list holes as h>${md.code(h.text)} stands for ${h.what} (${md.code(h.flag)}, or ${md.code(h.param)} in the YAML)<#sep>; </#list>. The pages that use one say so at the top; generate again with the value to fill it in everywhere.

</#if>
<#if !hasBuckets && hasKeys && !pg>
> **S3 permissions are still needed.** This procedure was generated from KMS keys<#if hasFns> and Lambda functions</#if> without S3 locations, so it has no S3 step: it lets the cluster decrypt with the ${(p.keys?size gt 1)?then("keys", "key")}<#if hasFns> and invoke the functions</#if>, but its role may not read or write a single object in S3, and ${md.code("LOAD DATA FROM S3")} still fails. Generate again with the S3 locations (${md.code("buckets: [s3://BUCKET/PREFIX/]")} in the YAML, or ${md.code("--bucket s3://BUCKET/PREFIX/")}): that adds the S3 policy, attaches it to the same role, and adds the database grants<#if !hasFns> and an end-to-end test</#if>.

</#if>
## What this procedure does

<#if pg>
At the end, ${who} can <#if hasBuckets><#if load>import files from S3 (${md.code("aws_s3.table_import_from_s3")})</#if><#if load && save> and </#if><#if save>export query results to S3 (${md.code("aws_s3.query_export_to_s3")})</#if></#if><#if hasBuckets && hasFns>, and </#if><#if hasFns>invoke Lambda (${md.code("aws_lambda.invoke")})</#if>, with permissions for exactly the ${covered} below and nothing else<#if tested>, and a test has shown it</#if>. On Aurora PostgreSQL each feature has a role of its own, added to the cluster with its feature name.
<#elseif hasBuckets>
At the end, ${who} can run <#if load>${md.code("LOAD DATA FROM S3")}</#if><#if load && save> and </#if><#if save>${md.code("SELECT … INTO OUTFILE S3")}</#if><#if hasKeys> on objects encrypted with your KMS ${(p.keys?size gt 1)?then("keys", "key")}</#if><#if hasFns>, and invoke Lambda (${md.code("lambda_sync")}, ${md.code("lambda_async")})</#if>, with permissions for exactly the ${covered} below and nothing else<#if tested>, and a test has shown it</#if>. Aurora MySQL uses one role for all of it, named in the cluster's parameter group.
<#elseif hasFns>
At the end, ${who} can invoke Lambda (${md.code("lambda_sync")}, ${md.code("lambda_async")}) on exactly the functions below<#if hasKeys>, and use your KMS ${(p.keys?size gt 1)?then("keys", "key")}</#if><#if tested>, and a test has shown it</#if>.
<#else>
At the end, ${who} may decrypt with your KMS ${(p.keys?size gt 1)?then("keys", "key")} through its role; as the note above says, that is only part of what a load from S3 needs.
</#if>

<#if hasBuckets>
- S3: <#list p.buckets as l>${md.code(l.uri)}<#sep>, </#list> (<#if pg>${load?then("import", "")}${(load && save)?then(" and ", "")}${save?then("export", "")}<#else>${load?then("load", "")}${(load && save)?then(" and ", "")}${save?then("save", "")}</#if>)
</#if>
<#if hasKeys>
- KMS: <#list p.keys as k>${md.code(k.arn)}<#sep>, </#list>
</#if>
<#if hasFns>
- Lambda: <#list p.lambdaFunctions as f>${md.code(f.arn)}<#sep>, </#list>
</#if>

## The steps

Follow the steps in order, starting with step 1. Each runbook has every value filled in, checks to run before you start, a console path and an AWS CLI path, a check, what to do when a name already exists, and a roll back.

| Step | What it does | What it produces |
|---|---|---|
<#list steps as s>
| ${s.number}. <#if s.href??>${md.link(s.title, s.href)}<#else>${s.title}</#if> | ${s.description} | <#list s.documents as d><#if d.href??>${md.link(d.title, d.href)}<#else>${md.code(d.title)}</#if><#sep>, </#list> |
</#list>

<@iacm.overview/>

## When it is done

<#if tested>
The last step, <#if last.href??>${md.link("step " + last.number + ": " + last.title, last.href)}<#else>step ${last.number}: ${last.title}</#if>, runs the real thing with a scratch table and a one-line file, and says which step to revisit for each error it may show. When the test passes, the job is done.
<#else>
The procedure ends with <#if last.href??>${md.link("step " + last.number + ": " + last.title, last.href)}<#else>step ${last.number}: ${last.title}</#if>, whose check shows the role on the cluster. It has no database or test step yet: <#if !hasBuckets>without S3 permissions no load from S3 can pass, so </#if>generate again with the S3 locations to get the whole job, ending with an end-to-end test.
</#if>
