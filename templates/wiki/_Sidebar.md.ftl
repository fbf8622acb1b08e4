<#-- The wiki's sidebar: the home page, then every runbook by account, with its steps and the
     whole procedure's files of each form (Terraform, CloudFormation, SSM Automation). -->
**${md.link(site.title, home)}**

<#list groups as g>
**<#if g.account?has_content>${g.account}<#else>Other</#if>**

<#list g.regions as r>
<#list r.entries as e>
- ${md.link(e.id, e.href)}
<#if e.steps?size gt 1>
<#list e.steps as s>
  ${s?counter}. ${md.link(s.title, s.href)}
</#list>
</#if>
<#list e.files as f>
  - ${md.link("As " + f.label + ": " + f.name, f.href)}
</#list>
</#list>
</#list>

</#list>
