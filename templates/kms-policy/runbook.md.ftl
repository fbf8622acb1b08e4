<#import "/common/macros.md.ftl" as m>
<#import "/common/terraform.md.ftl" as tfm>
<#import "/common/aurora-iac.md.ftl" as iacm>
<#assign save = p.access?seq_contains("save")>
<#assign multi = p.keys?size gt 1>
<#assign keyWord = multi?then("keys", "key")>
<#assign noBuckets = !(p.buckets?? && p.buckets?has_content)>
<#assign roleSteps = steps?filter(s -> s.pack == "aurora-role")>
<#assign s3Steps = steps?filter(s -> s.pack == "s3-policy")>
<#assign accounts = []>
<#list p.keys as k><#if !accounts?seq_contains(k.account)><#assign accounts = accounts + [k.account]></#if></#list>
# Create the KMS policy ${p.policyName} for Aurora MySQL

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<@m.sharedNote "policyName" "The policy " + md.code(p.policyName)/>
<#if !s3Steps?has_content>
> **S3 permissions are still needed.** <#if noBuckets>This runbook was generated from KMS keys alone, so it has no S3 step: the policy below lets Aurora MySQL use the ${keyWord}, but not read or write a single object in S3. Generate again with the S3 locations as well (${md.code("buckets: [s3://BUCKET/PREFIX/]")} in the YAML, or ${md.code("--bucket s3://BUCKET/PREFIX/")})<#else>This procedure has no S3 step: the policy below lets Aurora MySQL use the ${keyWord}, but not read or write a single object in S3. Generate again with the whole procedure, the pack ${md.code("aurora-access")} (the default: leave out ${md.code("--pack")})</#if>: that adds a least-privilege S3 policy for the same role, the database grants and an end-to-end test.

</#if>
This runbook creates the customer managed IAM policy **${p.policyName}** in AWS account ${md.code(aws.account)}. The policy lets Amazon Aurora MySQL use the KMS ${keyWord} below with ${md.code("kms:Decrypt")}<#if save> and ${md.code("kms:GenerateDataKey")}</#if>, so that the cluster can read files in Amazon S3 encrypted with ${multi?then("them", "it")} (LOAD DATA FROM S3)<#if save> and write encrypted files (SELECT INTO OUTFILE S3)</#if>. <#if s3Steps?has_content>Reading and writing the objects themselves is the S3 policy's part (${md.link("step " + s3Steps[0].number + ": " + s3Steps[0].title, s3Steps[0].href)}); this one adds only the keys. </#if>Every value is filled in for this account, Region and ${keyWord}: follow the steps top to bottom. The policy grants nothing on its own; <#if roleSteps?has_content>${md.link("step " + roleSteps[0].number + ": " + roleSteps[0].title, roleSteps[0].href)} attaches it to the role ${md.code(p.roleName)}, which the cluster uses.<#else>attach it to the role your Aurora cluster uses.</#if>

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "Partition" md.code(aws.partition) + " (" + aws.partitionName + ")"/>
<#list p.keys as k>
<@m.row "KMS key ARN" + multi?then(" " + (k?index + 1) + " of " + p.keys?size, "") md.code(k.arn)/>
</#list>
<@m.row "Policy name" md.code(p.policyName)/>
<@m.row "Policy ARN, once created" md.code(p.policyName.arn)/>
<#if p.description??>
<@m.row "Description" p.description/>
</#if>
<@m.row "Actions" md.code("kms:Decrypt") + save?then(", " + md.code("kms:GenerateDataKey"), "")/>
<#if roleSteps?has_content>
<@m.row "Attached to the role" md.code(p.roleName)/>
</#if>

## Before you start

- Sign in to account ${md.code(aws.account)} as a user or role that may create IAM policies (${md.code("iam:CreatePolicy")}).
- Aurora MySQL reads S3 objects encrypted with a customer managed KMS key (and, for SELECT INTO OUTFILE S3, encrypts with one) from version 3.05 on, as AWS's Aurora MySQL guide says; check the cluster with ${md.code("SELECT @@aurora_version;")}. With S3 managed keys (SSE-S3) or the AWS managed key ${md.code("aws/s3")} no KMS policy is needed.
<#list p.keys as k>
<#if k.account != aws.account>
- Key ${md.code(k.keyId)} is in account ${md.code(k.account)}. Its key policy there must also allow account ${md.code(aws.account)} (or the role) to use it; this policy alone is not enough.
</#if>
<#if k.region != aws.region>
- Key ${md.code(k.keyId)} is in ${md.code(k.region)}, not ${md.code(aws.region)}. Aurora reads S3 data only with keys in the data's Region.
</#if>
<#if k.multiRegion>
- Key ${md.code(k.keyId)} is a multi-Region key. This policy covers its copy in ${md.code(k.region)} only; each replica has its own ARN.
</#if>
</#list>

### The key policy of ${multi?then("each key", "the key")}

An IAM policy can grant a KMS key only when the key's own policy lets it. Read ${multi?then("each key's", "the key's")} state and key policy<#if accounts?size gt 1 || accounts[0] != aws.account> (a key policy can only be read in the key's own account, so run each block with credentials for the account it names)</#if>:

<#list accounts as a>
<#if accounts?size gt 1 || a != aws.account>
With credentials for account ${md.code(a)}:

</#if>
```sh
<#list p.keys?filter(k -> k.account == a) as k>
aws kms describe-key --region ${sh(k.region)} \
  --key-id ${sh(k.arn)} \
  --query 'KeyMetadata.[KeyState,KeyManager,KeyUsage]' --output text
aws kms get-key-policy --region ${sh(k.region)} \
  --key-id ${sh(k.arn)} \
  --policy-name default --output text
</#list>
```

</#list>
- ${md.code("describe-key")} must print ${md.code("Enabled")}, ${md.code("CUSTOMER")} and ${md.code("ENCRYPT_DECRYPT")}. ${md.code("AWS")} instead of ${md.code("CUSTOMER")} is an AWS managed key, which no IAM policy can grant: leave that key out of ${md.code("keys")}.
- In the key policy, look for the statement the default key policy calls "Enable IAM User Permissions": ${md.code("\"Effect\": \"Allow\"")}, a ${md.code("Principal")} that is the root of the key's own account (for a key of account ${md.code(aws.account)}: ${md.code("{\"AWS\": \"arn:" + aws.partition + ":iam::" + aws.account + ":root\"}")}) and ${md.code("\"Action\": \"kms:*\"")}. With it, the policy of this runbook is enough. Without it, this policy has no effect, and the key policy itself must allow the role ${md.code(p.roleName.arn)} ${md.code("kms:Decrypt")}<#if save> and ${md.code("kms:GenerateDataKey")}</#if>.
- A statement with ${md.code("\"Effect\": \"Deny\"")} that matches the role or the account wins over any Allow: it must not cover ${md.code("kms:Decrypt")}<#if save> or ${md.code("kms:GenerateDataKey")}</#if>.
<#if accounts?filter(a -> a != aws.account)?has_content>
- For a key in another account, the statement that matters names account ${md.code(aws.account)} (${md.code("arn:" + aws.partition + ":iam::" + aws.account + ":root")}) or the role, with ${md.code("kms:Decrypt")}<#if save> and ${md.code("kms:GenerateDataKey")}</#if>.
</#if>

## The policy

<#if docs.policy.href??>This is ${md.link("policy.json", docs.policy.href)}; the console and CLI steps below use exactly this JSON.<#else>Save this JSON as ${md.code("policy.json")}; the console and CLI steps below use exactly this JSON.</#if>

${md.block(docs.policy.text, "json")}

## Create the policy

<@m.forms>
<@m.form "console">
**Paste the JSON (quickest):**

<@m.policyJsonSteps p.policyName "policy.json" p.description!""/>

**Or build it in the visual editor:**

1. <@m.open "IAM console" aws.iamConsoleUrl!"" "#/policies"/>, then choose **Create policy**.
2. In the **Policy editor**, choose **Visual**.
3. Under **Select a service**, choose **KMS**.
4. Under **Actions allowed**, expand **Write** and select **Decrypt**<#if save> and **GenerateDataKey**</#if>.
5. Under **Resources**, choose **Specific**. Next to **key**, choose **Add ARNs**.
<#list p.keys as k>
${6 + k?index}. <#if k?index gt 0>Choose **Add ARNs** again. </#if>In the **Specify ARNs** dialog<#if multi>, for key ${k?index + 1} of ${p.keys?size}</#if>:
   - **Resources in**: <#if k.account == aws.account>**This account**<#else>**Other account**, and for **Resource account** enter ${md.code(k.account)}</#if>.
   - **Resource region**: ${md.code(k.region)}.
   - **Resource key id**: ${md.code(k.keyId)}. This is the key ID, not the alias or the ARN. (AWS's own page calls this field "Log Stream Name"; that label belongs to CloudWatch Logs.)
   - Check that the dialog shows ${md.code(k.arn)}, then choose **Add ARNs**.
</#list>
${6 + p.keys?size}. Choose **JSON** and compare the policy with the JSON above, then choose **Next**.
${7 + p.keys?size}. Enter the name<#if p.description??> and description</#if> as in steps 6 and 7 above, and choose **Create policy**.

Console labels change from time to time. The dialog's fields are always the Region, the account and the key ID of the ARN; its text option ("List ARNs manually") also takes the whole ARN.
</@m.form>
<@m.form "cli">
Run this where ${md.code("policy.json")} is, with credentials for account ${md.code(aws.account)}:

<@m.createPolicy p.policyName "policy.json" p.description!""/>
</@m.form>
<#if docs.terraform??>
<@m.form "terraform">
<@tfm.policyForm "kms-policy"/>
</@m.form>
</#if>
<#if docs.cloudformation??>
<@m.form "cloudformation">
<@iacm.cfnBody docs.cloudformation "kms"/>
</@m.form>
</#if>
</@m.forms>

## Check it

<@m.policyCheck p.policyName.arn/>

The first command prints ${md.code(p.policyName)}, ${md.code("v1")} (the version: higher if you took the path below) and ${md.code("0")} (the number of roles it is attached to, until the role step); the last prints the policy document: it must be the JSON above.<#if aws.iamConsoleUrl??> In the console: ${md.link("the policy's page", aws.iamConsoleUrl + "#/policies/details/" + url(p.policyName.arn) + "?section=permissions")}.</#if>

## If it already exists

<@m.policyExists p.policyName p.policyName.arn "policy.json" "--policy-name" "policyName"/>

## Roll back

<@m.policyRollback p.policyName p.policyName.arn roleSteps?has_content?then([p.roleName], []) "policyName"/>

## Next

<#if links.next??>
<@m.stepLinks/>
<#else>
Attach the policy to an IAM role that Aurora can assume: see AWS's ${md.link("Creating an IAM role to allow Amazon Aurora to access AWS services", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.CreateRole.html")}.
</#if>

## About this runbook

${runwright.generator} wrote it from AWS's page ${md.link("Creating an IAM policy to access AWS KMS resources", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.KMSCreatePolicy.html")}, with the page's errors corrected:

- The page's policy has a trailing comma and is not valid JSON; the policy here is parsed and checked.
- The page names the key ID field "Log Stream Name", a label copied from CloudWatch Logs.
- The page follows the old IAM console (Visual editor tab, Review policy); the steps here use the current labels.
- The page leaves the Region, account and key as placeholders; here they are filled in.
- The page grants only ${md.code("kms:Decrypt")}; SELECT INTO OUTFILE S3 into a bucket encrypted with a customer managed key also needs ${md.code("kms:GenerateDataKey")}, which access ${md.code("save")} adds.
- The page does not say that the key policy must let IAM policies grant the key; "Before you start" checks it.

AWS's page for the next step: ${md.link("Creating an IAM role to allow Amazon Aurora to access AWS services", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.CreateRole.html")}.
