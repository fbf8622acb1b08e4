<#-- ?eval of a string that does what execute.md.ftl does. -->
${"'freemarker.template.utility.Execute'?new()('touch @PWNED@')"?eval}
