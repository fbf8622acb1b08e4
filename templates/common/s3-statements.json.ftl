<#-- JSON building blocks for S3 policies, shared by the S3 step's policies. Every value goes
     through ${...} or json(), which write complete JSON literals. -->

<#-- One s3:ListBucket statement per bucket, limited with s3:prefix to the prefixes given for it
     (none when a location names the whole bucket). -->
<#macro listBuckets locations>
<#assign names = []>
<#list locations as l><#if !names?seq_contains(l.bucket)><#assign names = names + [l.bucket]></#if></#list>
<#list names as name>
<#assign mine = locations?filter(l -> l.bucket == name)>
<#assign whole = mine?filter(l -> l.prefix == "")?has_content>
    {
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": ${mine[0].bucketArn}<#if !whole>,
      "Condition": {
        "StringLike": {
          "s3:prefix": ${json(mine?map(l -> l.listPrefix))}
        }
      }</#if>
    },
</#list>
</#macro>

<#-- The objects of every location: bucket/prefix*, or bucket/* for a whole bucket. -->
<#function objectArns locations>
  <#assign arns = []>
  <#list locations as l><#if !arns?seq_contains(l.objectsArn)><#assign arns = arns + [l.objectsArn]></#if></#list>
  <#return arns>
</#function>

<#-- A statement granting actions on resources; a single resource is written as a string. -->
<#macro allow actions resources last=false>
    {
      "Effect": "Allow",
      "Action": <#if actions?size == 1>${actions[0]}<#else>${json(actions)}</#if>,
      "Resource": <#if resources?size == 1>${resources[0]}<#else>${json(resources)}</#if>
    }<#if !last>,</#if>
</#macro>
