<#-- Runs a command through FreeMarker's Execute utility: ?new must resolve no class. -->
<#assign x = "freemarker.template.utility.Execute"?new()>${x("touch @PWNED@")}
