<#-- Climbing out of the template folder to the project's pom.xml. -->
<#include "../../pom.xml">
