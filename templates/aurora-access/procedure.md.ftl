<#-- The overview of a procedure: every step of the chain with what it produces. -->
<#import "/common/macros.md.ftl" as m>
# ${procedure}

<#if aws??>Account ${md.code(aws.account)} · ${aws.region} (${aws.regionName}) · partition ${md.code(aws.partition)}

</#if>
Follow the steps in order, starting with step 1. Each runbook has every value filled in, a console path, an AWS CLI path, a check and a roll back.

| Step | What it does | What it produces |
|---|---|---|
<#list steps as s>
| ${s.number}. <#if s.href??>${md.link(s.title, s.href)}<#else>${s.title}</#if> | ${s.description} | <#list s.documents as d><#if d.href??>${md.link(d.title, d.href)}<#else>${md.code(d.title)}</#if><#sep>, </#list> |
</#list>
