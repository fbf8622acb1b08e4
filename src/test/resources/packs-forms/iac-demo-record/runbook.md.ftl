<#import "/common/macros.md.ftl" as m>
# Point ${p.recordName} at its target

## Change the record

<@m.forms>
<@m.form "console">
1. Open the Route 53 console and choose the hosted zone ${md.code(p.zoneId)}.
2. Select the record ${md.code(p.recordName)} and choose **Edit record**.
3. Choose **Save**.
</@m.form>
<@m.form "cli">
```sh
aws route53 change-resource-record-sets --hosted-zone-id ${sh(p.zoneId)} --change-batch file://change.json
```
</@m.form>
<@m.form "terraform">
```sh
terraform apply -target=aws_route53_record.record
```
</@m.form>
</@m.forms>

## Check it

```sh
aws route53 list-resource-record-sets --hosted-zone-id ${sh(p.zoneId)} --query ${sh("ResourceRecordSets[?Name == '" + p.recordName + ".']")}
```
