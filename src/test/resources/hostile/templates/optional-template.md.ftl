<#-- .get_optional_template reads a template without failing when it is missing. -->
<@.get_optional_template("/etc/passwd").include/>
