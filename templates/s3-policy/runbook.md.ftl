<#import "/common/macros.md.ftl" as m>
<#import "/common/terraform.md.ftl" as tfm>
<#import "/common/aurora-iac.md.ftl" as iacm>
<#assign pg = p.engine == "aurora-postgresql">
<#assign engine = pg?then("Aurora PostgreSQL", "Aurora MySQL")>
<#assign load = p.access?seq_contains("load")>
<#assign save = p.access?seq_contains("save")>
<#assign hasKeys = p.keys?? && p.keys?has_content>
<#assign cluster = p.clusterId???then(p.clusterId?string, "<your-cluster-id>")>
<#assign kmsSteps = steps?filter(s -> s.pack == "kms-policy")>
<#assign roleSteps = steps?filter(s -> s.pack == "aurora-role")>
<#-- The policies this step creates, each with what the role step attaches it to. -->
<#assign policies = []>
<#if !pg>
  <#assign policies = [{"doc": "policy", "file": "policy.json", "name": p.s3PolicyName, "param": "s3PolicyName", "flag": "--s3-policy-name", "role": p.roleName, "what": "the S3 policy"}]>
<#else>
  <#if docs.importPolicy??>
    <#assign policies = policies + [{"doc": "importPolicy", "file": "import-policy.json", "name": p.s3ImportPolicyName, "param": "s3ImportPolicyName", "flag": "--s3-import-policy-name", "role": p.s3ImportRoleName, "what": "the import policy", "feature": "s3Import"}]>
  </#if>
  <#if docs.exportPolicy??>
    <#assign policies = policies + [{"doc": "exportPolicy", "file": "export-policy.json", "name": p.s3ExportPolicyName, "param": "s3ExportPolicyName", "flag": "--s3-export-policy-name", "role": p.s3ExportRoleName, "what": "the export policy", "feature": "s3Export"}]>
  </#if>
</#if>
<#assign several = policies?size gt 1>
<#assign keyWord = (hasKeys && p.keys?size gt 1)?then("keys", "key")>
<#assign buckets = []>
<#list p.buckets as l><#if !buckets?seq_contains(l.bucket)><#assign buckets = buckets + [l.bucket]></#if></#list>
<#if pg>
# Create the S3 <#if several>import and export policies<#elseif load>import policy ${policies[0].name}<#else>export policy ${policies[0].name}</#if> for Aurora PostgreSQL
<#else>
# Create the S3 policy ${p.s3PolicyName} for Aurora MySQL
</#if>

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<#if !p.clusterId??>
> **Placeholder:** no cluster identifier was given, so ${md.code(cluster)} stands for it in the network check below; replace it before you run that check, or generate again with ${md.code("--cluster-id")} (or ${md.code("clusterId")}).

</#if>
<#list policies as x>
<@m.sharedNote x.param "The policy " + md.code(x.name)/>
</#list>
<#if pg>
This runbook creates <#if several>two customer managed IAM policies<#else>the customer managed IAM policy **${policies[0].name}**</#if> in AWS account ${md.code(aws.account)}<#if several>: **${policies[0].name}** for importing from Amazon S3 (${md.code("aws_s3.table_import_from_s3")}) and **${policies[1].name}** for exporting to it (${md.code("aws_s3.query_export_to_s3")})<#elseif load>, which lets Aurora PostgreSQL import from Amazon S3 (${md.code("aws_s3.table_import_from_s3")})<#else>, which lets Aurora PostgreSQL export to Amazon S3 (${md.code("aws_s3.query_export_to_s3")})</#if>. Aurora PostgreSQL gives each feature a role of its own, so each feature gets its own policy: <#list policies as x>${md.code(x.name)} goes to the role ${md.code(x.role)} of the feature ${md.code(x.feature)}<#sep>, </#list>. <#if hasKeys>Each policy also holds the KMS permissions for the ${(p.keys?size gt 1)?then("keys", "key")} below: on Aurora PostgreSQL there is no separate KMS step.<#else>No KMS key was given, so the policies hold no KMS statement: right for buckets encrypted with SSE-S3 or the AWS managed key ${md.code("aws/s3")}.</#if>
<#else>
This runbook creates the customer managed IAM policy **${p.s3PolicyName}** in AWS account ${md.code(aws.account)}. It lets Aurora MySQL list the buckets below and <#if load>read the objects under the locations given (LOAD DATA FROM S3, LOAD XML FROM S3)</#if><#if load && save> and </#if><#if save>write them (SELECT INTO OUTFILE S3)</#if>, and nothing else: no other bucket, no other prefix, no ${md.code("s3:*")}. <#if hasKeys>The KMS permissions for the encrypted objects are in a policy of their own, <#if kmsSteps?has_content>${md.link("step " + kmsSteps[0].number + ": " + kmsSteps[0].title, kmsSteps[0].href)}<#else>the KMS step</#if>, attached to the same role.<#else>No KMS key was given, so this procedure has no KMS step: right for buckets encrypted with SSE-S3 or the AWS managed key ${md.code("aws/s3")} (check it below).</#if>
</#if>

The polic${several?then("ies grant", "y grants")} nothing on ${several?then("their", "its")} own: <#if roleSteps?has_content>${md.link("step " + roleSteps[0].number + ": " + roleSteps[0].title, roleSteps[0].href)} attaches <#if several>each to its feature's role, <#list policies as x>${md.code(x.role)}<#sep> and </#list>, which the cluster uses<#else>it to ${md.code(policies[0].role)}, the role the cluster uses</#if><#else>attach <#if several>each</#if><#if !several>it</#if> to the role your cluster uses</#if>.

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "Partition" md.code(aws.partition) + " (" + aws.partitionName + ")"/>
<@m.row "Engine" engine/>
<@m.row "DB cluster" md.code(cluster)/>
<#if pg>
<#assign accessText = load?then("import (" + md.code("aws_s3.table_import_from_s3") + ")", "") + (load && save)?then(", ", "") + save?then("export (" + md.code("aws_s3.query_export_to_s3") + ")", "")>
<#else>
<#assign accessText = load?then("load (LOAD DATA FROM S3, LOAD XML FROM S3)", "") + (load && save)?then(", ", "") + save?then("save (SELECT INTO OUTFILE S3)", "")>
</#if>
<@m.row "Access" accessText/>
<#list policies as x>
<@m.row "Policy name" + several?then(" (" + x.feature + ")", "") md.code(x.name)/>
<@m.row "Policy ARN, once created" md.code(x.name.arn)/>
<@m.row "Its file" md.code(x.file)/>
<@m.row "Attached to the role" md.code(x.role)/>
</#list>
<#if hasKeys>
<#list p.keys as k>
<@m.row "KMS key ARN" + (p.keys?size gt 1)?then(" " + (k?index + 1) + " of " + p.keys?size, "") md.code(k.arn)/>
</#list>
</#if>

The S3 locations, and what the policy grants on each:

| Location | Bucket ARN (listing) | Objects ARN | Listing limited to |
|---|---|---|---|
<#list p.buckets as l>
| ${md.code(l.uri)} | ${md.code(l.bucketArn)} | ${md.code(l.objectsArn)} | <#if l.listPrefix?has_content>${md.code(l.listPrefix)}<#else>the whole bucket</#if> |
</#list>

<#list p.buckets as l>
<#if !l.folder>
> **Warning:** ${md.code(l.uri)} ends in a prefix that is not a folder: it also covers keys such as ${md.code(l.prefix + "-old/...")}, since IAM matches ${md.code(l.prefix + "*")}. End it with ${md.code("/")} to mean the folder, and generate again.

</#if>
</#list>
<#if pg>
<#if load>- **Import** (${md.code(p.s3ImportPolicyName)}): ${md.code("s3:ListBucket")} on each bucket ARN, limited to the prefix by an ${md.code("s3:prefix")} condition where one is given, and ${md.code("s3:GetObject")} on the objects ARN, as AWS's import page asks.<#if hasKeys> ${md.code("kms:Decrypt")} on the ${keyWord} ARN${(keyWord == "keys")?then("s", "")} reads objects encrypted with the ${keyWord}.</#if>
</#if>
<#if save>- **Export** (${md.code(p.s3ExportPolicyName)}): ${md.code("s3:PutObject")} and ${md.code("s3:AbortMultipartUpload")} on the objects ARN only: the export needs no listing, and never ${md.code("\"Resource\": \"*\"")}, which AWS's export page warns would let a user export to any publicly writable bucket in the Region.<#if hasKeys> ${md.code("kms:GenerateDataKey")} and ${md.code("kms:Decrypt")} on the ${keyWord} ARN${(keyWord == "keys")?then("s", "")} write objects encrypted with the ${keyWord} (a multipart upload needs both).</#if>
</#if>
<#else>
| Action | On | Why Aurora MySQL needs it |
|---|---|---|
| ${md.code("s3:ListBucket")} | the bucket ARN, limited to the prefix where one is given | To find the files of ${md.code("LOAD DATA FROM S3 PREFIX")} and check that a file exists. IAM grants listing on the bucket, never on objects; the ${md.code("s3:prefix")} condition keeps it to the prefix. |
| ${md.code("s3:GetObject")} | the objects ARN | <#if load>To read the files it loads<#else>Listed by AWS for SELECT INTO OUTFILE S3</#if>. |
<#if load>
| ${md.code("s3:GetObjectVersion")} | the objects ARN | To read the object version it records in ${md.code("mysql.aurora_s3_load_history")}, as AWS's page lists for LOAD DATA FROM S3. |
</#if>
<#if save>
| ${md.code("s3:PutObject")} | the objects ARN | To write the export's part files and manifest. |
| ${md.code("s3:AbortMultipartUpload")}, ${md.code("s3:ListMultipartUploadParts")} | the objects ARN | Large exports are uploaded in parts; these list and end an upload that did not finish. |
| ${md.code("s3:DeleteObject")} | the objects ARN | ${md.code("SELECT … INTO OUTFILE S3 … OVERWRITE ON")} replaces the files an earlier export wrote under the same prefix, which deletes them. Without ${md.code("OVERWRITE ON")} the statement stops when such files exist, and this permission is not used. |
</#if>
</#if>

## Before you start

Sign in to account ${md.code(aws.account)} as a user or role that may create IAM policies (${md.code("iam:CreatePolicy")}), and check these first.

### Each bucket's default encryption

```sh
<#list buckets as b>
aws s3api get-bucket-encryption --region ${sh(aws.region)} --bucket ${sh(b)} \
  --query 'ServerSideEncryptionConfiguration.Rules[].ApplyServerSideEncryptionByDefault'
</#list>
```

- ${md.code("\"SSEAlgorithm\": \"AES256\"")} is SSE-S3: no KMS permission is needed.
- ${md.code("\"SSEAlgorithm\": \"aws:kms\"")} (or ${md.code("aws:kms:dsse")}) without a ${md.code("KMSMasterKeyID")}, or with the AWS managed key ${md.code("aws/s3")}: no KMS permission is needed either.
- ${md.code("aws:kms")} with the ${md.code("KMSMasterKeyID")} of a customer managed key: <#if hasKeys>that key must be one of <#list p.keys as k>${md.code(k.arn)}<#sep>, </#list>, or Aurora cannot read the objects<#else>no key was given, so Aurora could not read the objects; generate again with the key (${md.code("keys:")} in the YAML, or ${md.code("--key")})</#if>. The ID may be shown as a key ID, an alias or an ARN: ${md.code("aws kms describe-key --key-id")} followed by it shows the key's ARN, and its ${md.code("KeyManager")}: ${md.code("AWS")} for an AWS managed key, ${md.code("CUSTOMER")} for your own.

The default applies to objects written from now on; objects already in a bucket keep the key they were written with (${md.code("aws s3api head-object")} shows an object's ${md.code("SSEKMSKeyId")}).<#if !pg && hasKeys> Aurora MySQL reads and writes objects encrypted with a customer managed key from version 3.05 on.</#if><#if pg && save> AWS's current export page says that buckets encrypted with SSE-S3 are not supported for export; since S3 encrypts every bucket with SSE-S3 by default, read that as unconfirmed, and let the test step show it.</#if>

### Each bucket's Region

<#if pg>Aurora PostgreSQL exports only to a bucket in the cluster's Region.<#else>Aurora MySQL reads from and writes to buckets in the cluster's Region, unless the statement names another Region (${md.code("s3-REGION://")}).</#if>

```sh
<#list buckets as b>
aws s3api get-bucket-location --region ${sh(aws.region)} --bucket ${sh(b)} \
  --query LocationConstraint --output text
</#list>
```

Each must print ${md.code(aws.region)}<#if aws.region == "us-east-1"> (or ${md.code("None")}, S3's name for ${md.code("us-east-1")})</#if>. A bucket that belongs to another account also needs a bucket policy there that allows the role: this policy alone is not enough.

### A route from the cluster to S3

The cluster reaches S3 through a VPC endpoint for S3 or through a NAT gateway; without either, <#if pg>the ${md.code("aws_s3")} functions cannot connect to S3<#else>every statement stops with ${md.code("ERROR 1871 (HY000): S3 API returned error: Network Connection")}</#if>. This shows the cluster's VPC, its S3 endpoints and its route tables:

<@m.routeCheck cluster "s3"/>

The route is there when an endpoint is listed (a ${md.code("Gateway")} endpoint must list the route tables of the cluster's subnets, which then have a route to a ${md.code("pl-")} prefix list through the ${md.code("vpce-")} endpoint; an ${md.code("Interface")} endpoint serves the whole VPC), or when the route tables of the cluster's subnets send ${md.code("0.0.0.0/0")} to a ${md.code("nat-")} gateway. Otherwise add a gateway endpoint for S3 (service <#list m.endpointServices("s3") as n>${md.code(n)}<#sep> or </#list><#if m.endpointServices("s3")?size gt 1>, whichever ${md.code("aws ec2 describe-vpc-endpoint-services")} lists</#if>) to those route tables.

## The policy<#if several> documents</#if>

<#list policies as x>
<#if several>
### ${x.file} (${x.feature})

</#if>
<#if docs[x.doc].href??>This is ${md.link(x.file, docs[x.doc].href)}<#else>Save this JSON as ${md.code(x.file)}</#if>; the console and CLI steps below use exactly this JSON.

${md.block(docs[x.doc].text, "json")}

</#list>
## Create the polic${several?then("ies", "y")}

<@m.forms>
<@m.form "console">
<#list policies as x>
<#if several>
**${x.name}** (${x.feature}):

</#if>
<@m.policyJsonSteps x.name x.file/>

</#list>
The JSON editor is the reliable way here: the policy has a statement for each bucket, limited by an ${md.code("s3:prefix")} condition, which the visual editor builds one permission block and one condition at a time. If you use the visual editor (**Visual**, **Select a service** S3, **Actions allowed**, **Resources** **Specific**, **Add ARNs**, whose S3 dialog asks for the **Resource bucket name** and the **Resource object name**), choose **JSON** before **Next** and compare the result with the JSON above.
</@m.form>
<@m.form "cli">
Run this where <#list policies as x>${md.code(x.file)}<#sep> and </#list> ${several?then("are", "is")}, with credentials for account ${md.code(aws.account)}:

<#list policies as x>
<@m.createPolicy x.name x.file/>

</#list>
</@m.form>
<#if docs.terraform??>
<@m.form "terraform">
<@tfm.policyForm "s3-policy"/>
</@m.form>
</#if>
<#if docs.cloudformation??>
<@m.form "cloudformation">
<@iacm.cfnBody docs.cloudformation "s3"/>
</@m.form>
</#if>
</@m.forms>

## Check it

<#list policies as x>
<@m.policyCheck x.name.arn/>

</#list>
<#if several>For each policy, the<#else>The</#if> first command prints ${several?then("its", "the policy's")} name, ${md.code("v1")} (the version: higher if you took the path below) and ${md.code("0")} (the number of roles it is attached to, until the role step); the last prints the document, which must have the same statements as the JSON above.<#if aws.iamConsoleUrl??> In the console: <#list policies as x>${md.link(x.name + "'s page", aws.iamConsoleUrl + "#/policies/details/" + url(x.name.arn) + "?section=permissions")}<#sep>, </#list>.</#if>

## If it already exists

<#list policies as x>
<#if several>
**${x.name}:**

</#if>
<@m.policyExists x.name x.name.arn x.file x.flag x.param/>

</#list>
## Roll back

<#list policies as x>
<#if several>
**${x.name}:**

</#if>
<@m.policyRollback x.name x.name.arn roleSteps?has_content?then([x.role], []) x.param/>

</#list>
## Next

<@m.stepLinks/>

## About this runbook

<#if pg>
${runwright.generator} wrote it from AWS's pages ${md.link("Importing data from Amazon S3 into an Aurora PostgreSQL DB cluster", aws.auroraGuideUrl + "USER_PostgreSQL.S3Import.html")} and ${md.link("Exporting data from an Aurora PostgreSQL DB cluster to Amazon S3", aws.auroraGuideUrl + "postgresql-s3-export.html")}, with these corrections:

- The pages grant on ${md.code("your-s3-bucket/*")}, the whole bucket; here the objects are limited to the prefixes given, and listing to those prefixes.
- The pages name no KMS actions; here ${md.code("kms:Decrypt")} (import) and ${md.code("kms:GenerateDataKey")} with ${md.code("kms:Decrypt")} (export) go into the feature's policy when keys are given, as S3 requires for objects encrypted with a customer managed key.
- The pages' role links point to IAM database authentication and to roles for IAM users; the role here is a service role, made in the next step, whose trust policy names the cluster's ARN, not the instance ARN the pages show.
- The pages' Windows examples quote JSON with single quotes, which cmd.exe does not read as quotes; the commands here read the JSON from its file.
<#else>
${runwright.generator} wrote it from AWS's page ${md.link("Creating an IAM policy to access Amazon S3 resources", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.S3CreatePolicy.html")}, with the page's errors corrected:

- The page's table names the actions without their service prefix (${md.code("ListBucket")}, ${md.code("GetObject")}); in a policy each needs it: ${md.code("s3:ListBucket")}, ${md.code("s3:GetObject")}.
- The page offers ${md.code("AmazonS3ReadOnlyAccess")} as a shortcut, but it grants only reading and listing (${md.code("s3:Get*")}, ${md.code("s3:List*")}), so it cannot serve SELECT INTO OUTFILE S3; its other shortcut, ${md.code("AmazonS3FullAccess")}, grants ${md.code("s3:*")} on every bucket of the account.
- The page's single statement gives every action on both the bucket and its objects; here listing is granted on the bucket only (limited to the prefix) and the object actions on the objects under the prefix only.
- The page's KMS note names only ${md.code("kms:Decrypt")}; writing objects encrypted with a customer managed key also needs ${md.code("kms:GenerateDataKey")}, which the KMS step grants with access ${md.code("save")}.
- The page follows the old IAM console (Visual editor tab, Choose a service, Add ARN, Review policy); the steps here use the current policy editor, whose S3 ARN dialog asks for the **Resource bucket name** and **Resource object name**.
</#if>
- The network check follows ${md.link("Enabling network communication from Amazon Aurora to other AWS services", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.Network.html")}.
