<#import "/common/macros.md.ftl" as m>
# Change ${p.recordName} in every form

Zone ${md.code(p.zoneId)} in account ${md.code(aws.account)}.

## Apply the whole procedure

<@m.forms>
<@m.form "console">
1. Open the Route 53 console.
2. Choose the hosted zone ${md.code(p.zoneId)}.
3. Edit the record ${md.code(p.recordName)}.
</@m.form>
<@m.form "cli">
```sh
aws route53 get-hosted-zone --id ${sh(p.zoneId)}
```
</@m.form>
<#if docs.terraform??>
<@m.form "terraform">
The configuration is ${md.link(docs.terraform.path, docs.terraform.href!docs.terraform.path)}:

${md.block(docs.terraform.text, "hcl")}

```sh
terraform init && terraform apply
```
</@m.form>
</#if>
<#if docs.cloudformation??>
<@m.form "cloudformation">
${md.block(docs.cloudformation.text, "yaml")}
</@m.form>
</#if>
<#if docs.ssm??>
<@m.form "ssm">
${md.block(docs.ssm.text, "yaml")}
</@m.form>
</#if>
</@m.forms>

## Check it

```sh
aws route53 list-resource-record-sets --hosted-zone-id ${sh(p.zoneId)}
```
