<#-- Aurora PostgreSQL, s3Export: aws_s3.query_export_to_s3 needs s3:PutObject and
     s3:AbortMultipartUpload on the objects only, never the bucket or "*" (AWS-FACTS-INTEGRATIONS.md
     C2), and kms:GenerateDataKey with kms:Decrypt to write objects encrypted with the keys (C3). -->
<#import "/common/s3-statements.json.ftl" as s3>
<#assign noKeys = !p.keys?has_content>
{
  "Version": "2012-10-17",
  "Statement": [
<@s3.allow ["s3:PutObject", "s3:AbortMultipartUpload"] s3.objectArns(p.buckets) noKeys/>
<#if p.keys?has_content>
<@s3.allow ["kms:GenerateDataKey", "kms:Decrypt"] p.keys?map(k -> k.arn) true/>
</#if>
  ]
}
