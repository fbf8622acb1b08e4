<#-- Aurora PostgreSQL, s3Import: aws_s3.table_import_from_s3 needs s3:GetObject and s3:ListBucket
     (AWS-FACTS-INTEGRATIONS.md C1), and kms:Decrypt for objects encrypted with the keys (C3). -->
<#import "/common/s3-statements.json.ftl" as s3>
{
  "Version": "2012-10-17",
  "Statement": [
<@s3.listBuckets p.buckets/>
<#-- Named arguments: "x !y" between positional ones would read as x!y, a default. -->
<@s3.allow actions=["s3:GetObject"] resources=s3.objectArns(p.buckets) last=!p.keys?has_content/>
<#if p.keys?has_content>
<@s3.allow ["kms:Decrypt"] p.keys?map(k -> k.arn) true/>
</#if>
  ]
}
