<#-- A URL instead of a template name. -->
<#import "file:///etc/passwd" as x>
