<#-- BeansWrapper's static models, when someone put them in the data model. -->
${statics["java.lang.System"].getProperty("user.home")}
