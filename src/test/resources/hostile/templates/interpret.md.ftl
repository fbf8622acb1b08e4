<#-- ?interpret of a template that does what execute.md.ftl does. -->
<#assign t = r'<#assign x = "freemarker.template.utility.Execute"?new()>${x("touch @PWNED@")}'?interpret><@t/>
