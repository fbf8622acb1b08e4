<#-- A loop that writes without end, inside a macro: stopped at the time limit. -->
<#macro spin>
  <#list 1.. as i>${i} </#list>
</#macro>
<@spin/>
