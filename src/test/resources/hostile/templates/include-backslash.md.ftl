<#-- Climbing out with Windows separators, which FreeMarker does not normalise. -->
<#include r"..\..\pom.xml">
