<#-- ?api exposes the Java object behind a model value and its methods. -->
${p.keys?api.get(0).getClass().getName()}
