<#-- The class property that bean wrappers expose as .class. -->
${aws.class.classLoader}
