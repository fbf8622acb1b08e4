<#-- Aurora PostgreSQL, s3Import: aws_s3.table_import_from_s3 needs s3:GetObject and s3:ListBucket
     (AWS-FACTS-INTEGRATIONS.md C1), and kms:Decrypt for objects encrypted with the keys (C3). -->
<#import "/common/s3-statements.json.ftl" as s3>
<#assign noKeys = !p.keys?has_content>
{
  "Version": "2012-10-17",
  "Statement": [
<@s3.listBuckets p.buckets/>
<@s3.allow ["s3:GetObject"] s3.objectArns(p.buckets) noKeys/>
<#if p.keys?has_content>
<@s3.allow ["kms:Decrypt"] p.keys?map(k -> k.arn) true/>
</#if>
  ]
}
