<#import "/common/macros.md.ftl" as m>
# Let Aurora MySQL read the bucket ${p.bucket}

Account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

This runbook creates the IAM policy **${p.policyName}**, which lets Aurora MySQL read objects from ${md.code(p.bucket)} with LOAD DATA FROM S3.

${md.block(docs.policy.text, "json")}

```sh
aws iam create-policy --region ${sh(aws.region)} \
  --policy-name ${sh(p.policyName)} \
  --policy-document file://policy.json
```
