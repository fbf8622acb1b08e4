<#-- The wiki's sidebar: the home page and every runbook, by account. -->
**${md.link(site.title, "Home")}**

<#list groups as g>
**<#if g.account?has_content>${g.account}<#else>Other</#if>**

<#list g.regions as r>
<#list r.entries as e>
- ${md.link(e.id, e.href)}
</#list>
</#list>

</#list>
