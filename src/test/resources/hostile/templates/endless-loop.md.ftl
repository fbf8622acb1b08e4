<#-- A loop without end and without output: stopped at the time limit, the loop named. -->
# Runbook
<#list 1.. as i></#list>
