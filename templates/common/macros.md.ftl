<#-- Macros shared by the built-in runbooks. This file is Markdown (*.md.ftl), so ${...} here is
     Markdown-escaped like in the runbooks that import it. -->

<#-- "Open the IAM console: <link>", or a plain instruction where the console is not public. -->
<#macro open what url="" suffix="">
<#if url?has_content>Open the ${what}: ${md.link(url + suffix, url + suffix)}<#else>Open the ${what} of partition ${md.code(aws.partition)} (its address is not public; use the one your organization gives)</#if></#macro>

<#-- A row of the values table. -->
<#macro row label value>
| ${label} | ${value} |
</#macro>

<#-- The links to the previous step, the next step and the overview. -->
<#macro stepLinks>
<#if links.prev??>
- Previous: ${md.link(links.prev.title, links.prev.href)}
</#if>
<#if links.next??>
- Next: ${md.link(links.next.title, links.next.href)}
</#if>
<#if links.overview??>
- ${md.link("The whole procedure, step by step", links.overview.href)}
</#if>
</#macro>

<#-- The ways of doing a step (console, AWS CLI, and the infrastructure-as-code forms), each a
     section of its own. Pages show them as tabs; wikis as sections one after another. The
     comments mark where they begin and end (GitHub and GitLab hide them; Runwright's pages drop
     them). Use it as <@m.forms><@m.form "console">...</@m.form><@m.form "cli">...</@m.form></@m.forms>. -->
<#macro forms>
<!-- runwright:forms -->

<#nested>
<!-- runwright:end-forms -->
</#macro>

<#-- One way of doing a step: console, cli, terraform, cloudformation or ssm. -->
<#macro form name>
<#assign labels = {"console": "In the console", "cli": "With the AWS CLI", "terraform": "With Terraform", "cloudformation": "With CloudFormation", "ssm": "With an SSM Automation runbook"}>
### ${labels[name]!name}

<#nested>

</#macro>
