<#-- Climbing out with percent-encoded dots. -->
<#include "%2e%2e/%2e%2e/pom.xml">
