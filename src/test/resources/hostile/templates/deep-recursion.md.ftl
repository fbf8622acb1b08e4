<#-- A macro that calls itself without end: a clean error, not a StackOverflowError. -->
<#macro down n><@down n + 1/></#macro><@down 0/>
