<#-- The SSM Automation form (common/aurora-automation-trust-policy.json.ftl): the whole procedure in the overview, the association in its step. -->
<#include "/common/aurora-automation-trust-policy.json.ftl">
