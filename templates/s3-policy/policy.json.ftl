<#-- Aurora MySQL: LOAD DATA/XML FROM S3 (load) and SELECT INTO OUTFILE S3 (save) through one
     policy, least privilege: listing on the buckets, object actions on the prefixes only
     (AWS-FACTS-INTEGRATIONS.md A1, A3). -->
<#import "/common/s3-statements.json.ftl" as s3>
<#assign load = p.access?seq_contains("load")>
<#assign save = p.access?seq_contains("save")>
<#assign actions = ["s3:GetObject"]>
<#if load><#assign actions = actions + ["s3:GetObjectVersion"]></#if>
<#if save><#assign actions = actions + ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:DeleteObject"]></#if>
{
  "Version": "2012-10-17",
  "Statement": [
<@s3.listBuckets p.buckets/>
<@s3.allow actions s3.objectArns(p.buckets) true/>
  ]
}
