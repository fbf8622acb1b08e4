<#-- The overview of a followUp chain (a pack with followUp: and no procedure template of its own):
     every step with what it produces, and where it ends. It knows nothing of the packs' values,
     except that a chain with the built-in KMS step and no S3 step still lacks the S3 permissions. -->
<#import "/common/macros.md.ftl" as m>
<#assign last = steps?last>
# ${procedure}

<#if aws??>Account ${md.code(aws.account)} · ${aws.region} (${aws.regionName}) · partition ${md.code(aws.partition)}

</#if>
<#if steps?filter(s -> s.pack == "kms-policy")?has_content && !steps?filter(s -> s.pack == "s3-policy")?has_content>
> **S3 permissions are still needed.** These steps give Aurora MySQL the use of the KMS keys, but no permission to read or write the objects in S3. The whole procedure, the pack ${md.code("aurora-access")} (the default: leave out ${md.code("--pack")}) with the S3 locations (${md.code("buckets:")} in the YAML, or ${md.code("--bucket")}), adds the S3 policy, the database grants and an end-to-end test.

</#if>
Follow the steps in order, starting with step 1; each step's runbook says what it needs before you start, what it creates and how to check it.

| Step | What it does | What it produces |
|---|---|---|
<#list steps as s>
| ${s.number}. <#if s.href??>${md.link(s.title, s.href)}<#else>${s.title}</#if> | ${s.description} | <#list s.documents as d><#if d.href??>${md.link(d.title, d.href)}<#else>${md.code(d.title)}</#if><#sep>, </#list> |
</#list>

The procedure ends with <#if last.href??>${md.link("step " + last.number + ": " + last.title, last.href)}<#else>step ${last.number}: ${last.title}</#if>: when its check passes, the procedure is done.
