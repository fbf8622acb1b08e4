<#-- An absolute file name: template names are relative to the template folders. -->
<#include "/etc/passwd">
