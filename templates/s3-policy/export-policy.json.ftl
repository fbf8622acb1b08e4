<#-- Aurora PostgreSQL, s3Export: aws_s3.query_export_to_s3 needs s3:PutObject and
     s3:AbortMultipartUpload on the objects only, never the bucket or "*" (AWS-FACTS-INTEGRATIONS.md
     C2), and kms:GenerateDataKey with kms:Decrypt to write objects encrypted with the keys (C3). -->
<#import "/common/s3-statements.json.ftl" as s3>
{
  "Version": "2012-10-17",
  "Statement": [
<#-- Named arguments: "x !y" between positional ones would read as x!y, a default. -->
<@s3.allow actions=["s3:PutObject", "s3:AbortMultipartUpload"] resources=s3.objectArns(p.buckets) last=!p.keys?has_content/>
<#if p.keys?has_content>
<@s3.allow ["kms:GenerateDataKey", "kms:Decrypt"] p.keys?map(k -> k.arn) true/>
</#if>
  ]
}
