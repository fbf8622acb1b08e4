<#import "/common/macros.md.ftl" as m>
# ${step.title}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

${step.description}

## Next

<@m.stepLinks/>
