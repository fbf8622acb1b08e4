<#-- A method call on a model value: records expose their components, nothing else. -->
${p.keys[0].getClass().getName()}
