<#import "/common/macros.md.ftl" as m>
# ${step.title}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

${step.description}

<#list ["policy", "importPolicy", "exportPolicy"] as id>
<#if docs[id]??>
${md.block(docs[id].text, "json")}

</#if>
</#list>
## Next

<@m.stepLinks/>
