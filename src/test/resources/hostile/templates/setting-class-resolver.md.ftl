<#-- Turning the ?new sandbox off from inside the template. -->
<#setting new_builtin_class_resolver="unrestricted">
