# Let the automation change ${p.recordName}

Zone ${md.code(p.zoneId)} in account ${md.code(aws.account)}.

${md.block(docs.policy.text, "json")}

```sh
aws iam create-policy --policy-name ${sh("dns-" + p.recordName)} --policy-document file://policy.json
```
