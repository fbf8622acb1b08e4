<#import "/common/macros.md.ftl" as m>
<#assign cluster = p.clusterId???then(p.clusterId?string, "<your-cluster-id>")>
<#assign roleArn = p.roleName.arn>
# Create the IAM role ${p.roleName} for Aurora MySQL

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<#if !p.clusterId??>
> **Placeholder:** no cluster identifier was given, so ${md.code(cluster)} stands for it below and the trust policy is limited to the account only. Generate again with the cluster identifier (${md.code("--cluster-id")} or ${md.code("clusterId")}) to fill it in.

</#if>
This runbook creates the IAM role **${p.roleName}**, which Amazon Aurora MySQL assumes when it reads from or writes to Amazon S3, and attaches the policy **${p.policyName}** to it. The role trusts the RDS service (${md.code("rds.amazonaws.com")}) only on behalf of account ${md.code(aws.account)}<#if p.clusterId??> and the cluster ${md.code(cluster)}</#if>, so that no other account can make Aurora use it (the confused-deputy problem).

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "Role name" md.code(p.roleName)/>
<@m.row "Role ARN, once created" md.code(roleArn)/>
<@m.row "Trusted service" md.code("rds.amazonaws.com")/>
<@m.row "Trusted for account" md.code(aws.account)/>
<#if p.clusterId??>
<@m.row "Trusted for cluster" md.code(p.clusterId.arn)/>
</#if>
<@m.row "Policy to attach" md.code(p.policyName.arn)/>

## Before you start

- The policy ${md.code(p.policyName)} must exist: <#if links.prev??>${md.link(links.prev.title, links.prev.href)}<#else>create it first</#if>.
- Sign in to account ${md.code(aws.account)} as a user or role that may create roles and attach policies (${md.code("iam:CreateRole")}, ${md.code("iam:AttachRolePolicy")}).
- The KMS policy lets Aurora use the keys; reading and writing the S3 objects themselves takes an S3 policy on the same role. If the role does not have one yet, create it as AWS's page ${md.link("Creating an IAM policy to access Amazon S3 resources", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.S3CreatePolicy.html")} shows and attach it too.

## The trust policy

<#if docs.trustPolicy.href??>This is ${md.link("trust-policy.json", docs.trustPolicy.href)}.<#else>Save this JSON as ${md.code("trust-policy.json")}.</#if> The console and CLI steps below use exactly this JSON.

${md.block(docs.trustPolicy.text, "json")}

## Create the role with the AWS CLI (exact)

Run this where ${md.code("trust-policy.json")} is, with credentials for account ${md.code(aws.account)}:

```sh
aws iam create-role --region ${sh(aws.region)} \
  ${opt("--role-name", p.roleName)} \
  --assume-role-policy-document file://trust-policy.json
aws iam attach-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", p.roleName)} \
  --policy-arn ${sh(p.policyName.arn)}
```

## Or create it in the console

1. <@m.open "IAM console" aws.iamConsoleUrl!"" "#/roles"/>
2. Choose **Create role**.
3. For **Trusted entity type**, choose **AWS service**.
4. Under **Use case**, in **Use cases for other AWS services**, choose **RDS**, then **RDS - Add Role to Database**. Choose **Next**.
5. On **Add permissions**, type ${md.code(p.policyName)} in the search box, select the policy's check box, and choose **Next**.
6. For **Role name**, enter ${md.code(p.roleName)}. The name cannot be changed later.
7. Choose **Create role**.
8. The console's trust policy trusts ${md.code("rds.amazonaws.com")} without conditions. Open the role ${md.code(p.roleName)}, choose the **Trust relationships** tab, then **Edit trust policy**, replace the policy with the JSON above, and choose **Update policy**.

## Check it

```sh
aws iam get-role --region ${sh(aws.region)} ${opt("--role-name", p.roleName)} \
  --query Role.AssumeRolePolicyDocument
aws iam list-attached-role-policies --region ${sh(aws.region)} ${opt("--role-name", p.roleName)}
```

The first command prints the trust policy above; the second lists ${md.code(p.policyName)}.

## Roll back

Remove the role from the cluster first if step 3 is done (see its roll back), then:

```sh
aws iam detach-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", p.roleName)} \
  --policy-arn ${sh(p.policyName.arn)}
aws iam delete-role --region ${sh(aws.region)} ${opt("--role-name", p.roleName)}
```

IAM deletes a role only when no policy is attached; detach any other policy you attached too.

## Next

<@m.stepLinks/>

## About this runbook

${runwright.generator} wrote it from AWS's page ${md.link("Creating an IAM role to allow Amazon Aurora to access AWS services", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.CreateRole.html")}, with the current console labels, the values filled in, and a trust policy limited to your account<#if p.clusterId??> and cluster</#if> as AWS's ${md.link("confused deputy guidance", aws.auroraGuideUrl + "cross-service-confused-deputy-prevention.html")} recommends.
