<#-- A template that includes itself. -->
<#include "runbook.md.ftl">
