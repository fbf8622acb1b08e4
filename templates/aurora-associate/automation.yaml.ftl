<#-- The SSM Automation form (common/aurora-automation.yaml.ftl): the whole procedure in the overview, the association in its step. -->
<#include "/common/aurora-automation.yaml.ftl">
