<#import "/common/macros.md.ftl" as m>
<#assign save = p.access?seq_contains("save")>
<#assign multi = p.keys?size gt 1>
<#assign keyWord = multi?then("keys", "key")>
# Create the IAM policy ${p.policyName} for Aurora MySQL

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

This runbook creates the customer managed IAM policy **${p.policyName}** in AWS account ${md.code(aws.account)}. The policy lets Amazon Aurora MySQL use the KMS ${keyWord} below with ${md.code("kms:Decrypt")}<#if save> and ${md.code("kms:GenerateDataKey")}</#if>, so that the cluster can read files in Amazon S3 encrypted with ${multi?then("them", "it")} (LOAD DATA FROM S3)<#if save> and write encrypted files (SELECT INTO OUTFILE S3)</#if>. Every value is filled in for this account, Region and ${keyWord}: follow the steps top to bottom. The policy grants nothing on its own; <#if links.next??>the next steps attach it to a role and give that role to the cluster.<#else>attach it to the role your Aurora cluster uses.</#if>

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

## Before you start

- Sign in to account ${md.code(aws.account)} as a user or role that may create IAM policies (${md.code("iam:CreatePolicy")}).
- Aurora MySQL reads S3 objects encrypted with a customer managed KMS key (and, for SELECT INTO OUTFILE S3, encrypts with one) from version 3.05 on, as AWS's Aurora MySQL guide says; check the cluster with ${md.code("SELECT @@aurora_version;")}. With S3 managed keys (SSE-S3) or the AWS managed key no KMS policy is needed.
- The key policy of each key must let IAM policies grant access to it. The default key policy does, with its statement "Enable IAM User Permissions"; if someone changed it, check it first in the <#if aws.kmsConsoleUrl??>${md.link("KMS console", aws.kmsConsoleUrl + "#/kms/keys")}<#else>KMS console</#if>.
<#list p.keys as k>
<#if k.account != aws.account>
- Key ${md.code(k.keyId)} is in account ${md.code(k.account)}. Its key policy there must also allow account ${md.code(aws.account)}; this policy alone is not enough.
</#if>
<#if k.region != aws.region>
- Key ${md.code(k.keyId)} is in ${md.code(k.region)}, not ${md.code(aws.region)}. Aurora reads S3 data only with keys in the data's Region.
</#if>
<#if k.multiRegion>
- Key ${md.code(k.keyId)} is a multi-Region key. This policy covers its copy in ${md.code(k.region)} only; each replica has its own ARN.
</#if>
</#list>

## The policy

<#if docs.policy.href??>This is ${md.link("policy.json", docs.policy.href)}; the console and CLI steps below use exactly this JSON.<#else>Save this JSON as ${md.code("policy.json")}; the console and CLI steps below use exactly this JSON.</#if>

${md.block(docs.policy.text, "json")}

## Create the policy in the console

### Option A: paste the JSON (quickest)

1. <@m.open "IAM console" aws.iamConsoleUrl!"" "#/policies"/>
2. Choose **Create policy**.
3. In the **Policy editor**, choose **JSON**.
4. Replace everything in the editor with the policy above.
5. Choose **Next**.
6. For **Policy name**, enter ${md.code(p.policyName)}.
<#if p.description??>
7. For **Description**, enter ${md.code(p.description)}. IAM cannot change a policy's description later.
<#else>
7. Leave **Description** empty, or describe the policy now: IAM cannot change it later.
</#if>
8. Choose **Create policy**.

### Option B: the visual editor

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
${6 + p.keys?size}. Choose **Next**.
${7 + p.keys?size}. Enter the name<#if p.description??> and description</#if> as in option A, steps 6 and 7, and choose **Create policy**.

Console labels change from time to time. The dialog's fields are always the Region, the account and the key ID of the ARN; its text option ("List ARNs manually") also takes the whole ARN.

## Or create it with the AWS CLI

Run this where ${md.code("policy.json")} is, with credentials for account ${md.code(aws.account)}:

```sh
aws iam create-policy \
  ${opt("--policy-name", p.policyName)} \
  --policy-document file://policy.json \
<#if p.description??>
  ${opt("--description", p.description)} \
</#if>
  --region ${sh(aws.region)}
```

## Check it

```sh
aws iam get-policy --region ${sh(aws.region)} \
  --policy-arn ${sh(p.policyName.arn)}
aws iam get-policy-version --region ${sh(aws.region)} \
  --policy-arn ${sh(p.policyName.arn)} --version-id v1
```

The second command prints the policy document: it must be the JSON above.<#if aws.iamConsoleUrl??> In the console: ${md.link("the policy's page", aws.iamConsoleUrl + "#/policies/details/" + url(p.policyName.arn) + "?section=permissions")}.</#if>

## Roll back

A policy that nothing uses yet can be deleted:

```sh
aws iam delete-policy --region ${sh(aws.region)} \
  --policy-arn ${sh(p.policyName.arn)}
```

If IAM answers that the policy is attached, list where and detach it first:

```sh
aws iam list-entities-for-policy --region ${sh(aws.region)} \
  --policy-arn ${sh(p.policyName.arn)}
```

<#if links.next??>
For each role it lists (step 2's role is ${md.code(p.roleName!"RDSLoadFromS3")}), detach it, then delete the policy as above; the role's runbook rolls back the role itself:

```sh
aws iam detach-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", p.roleName!"RDSLoadFromS3")} \
  --policy-arn ${sh(p.policyName.arn)}
```
<#else>
For each role it lists, detach the policy (put the role's name in place of ${md.code("ROLE-NAME")}), then delete the policy as above:

```sh
aws iam detach-role-policy --region ${sh(aws.region)} \
  --role-name ROLE-NAME \
  --policy-arn ${sh(p.policyName.arn)}
```
</#if>

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

AWS's page for the next step: ${md.link("Creating an IAM role to allow Amazon Aurora to access AWS services", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.CreateRole.html")}.
