<#-- Turning ?api on from inside the template. -->
<#setting api_builtin_enabled=true>
