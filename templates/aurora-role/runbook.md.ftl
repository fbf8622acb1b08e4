<#import "/common/macros.md.ftl" as m>
<#import "/common/terraform.md.ftl" as tfm>
<#import "/common/aurora-iac.md.ftl" as iacm>
<#assign pg = p.engine == "aurora-postgresql">
<#assign engine = pg?then("Aurora PostgreSQL", "Aurora MySQL")>
<#assign cluster = p.clusterId???then(p.clusterId?string, "<your-cluster-id>")>
<#assign s3Steps = steps?filter(s -> s.pack == "s3-policy")>
<#assign kmsSteps = steps?filter(s -> s.pack == "kms-policy")>
<#assign lambdaSteps = steps?filter(s -> s.pack == "lambda-policy")>
<#assign policySteps = steps?filter(s -> s.pack == "s3-policy" || s.pack == "kms-policy" || s.pack == "lambda-policy")>
<#-- The roles this step creates, each with the policies it gets: only the policies whose steps
     this procedure has. -->
<#if pg>
  <#assign roles = []>
  <#if s3Steps?has_content && p.access?seq_contains("load")>
    <#assign roles = roles + [{"name": p.s3ImportRoleName, "param": "s3ImportRoleName", "flag": "--s3-import-role-name", "feature": "s3Import", "policies": [p.s3ImportPolicyName], "use": "importing from S3", "fn": "aws_s3.table_import_from_s3"}]>
  </#if>
  <#if s3Steps?has_content && p.access?seq_contains("save")>
    <#assign roles = roles + [{"name": p.s3ExportRoleName, "param": "s3ExportRoleName", "flag": "--s3-export-role-name", "feature": "s3Export", "policies": [p.s3ExportPolicyName], "use": "exporting to S3", "fn": "aws_s3.query_export_to_s3"}]>
  </#if>
  <#if lambdaSteps?has_content>
    <#assign roles = roles + [{"name": p.lambdaRoleName, "param": "lambdaRoleName", "flag": "--lambda-role-name", "feature": "Lambda", "policies": [p.lambdaPolicyName], "use": "invoking Lambda", "fn": "aws_lambda.invoke"}]>
  </#if>
<#else>
  <#assign attach = []>
  <#if s3Steps?has_content><#assign attach = attach + [p.s3PolicyName]></#if>
  <#if kmsSteps?has_content><#assign attach = attach + [p.policyName]></#if>
  <#if lambdaSteps?has_content><#assign attach = attach + [p.lambdaPolicyName]></#if>
  <#assign roles = [{"name": p.roleName, "param": "roleName", "flag": "--role-name", "feature": "", "policies": attach, "use": "", "fn": ""}]>
</#if>
<#assign several = roles?size gt 1>
<#if several>
# Create the IAM roles for Aurora PostgreSQL
<#else>
# Create the IAM role ${roles[0].name} for ${engine}
</#if>

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<#if !p.clusterId??>
> **Placeholder:** no cluster identifier was given, so ${md.code(cluster)} stands for it below and the trust policy is limited to the account only. Generate again with the cluster identifier (${md.code("--cluster-id")} or ${md.code("clusterId")}) to fill it in.

</#if>
<#list roles as r>
<@m.sharedNote r.param "The role " + md.code(r.name)/>
</#list>
<#if pg>
This runbook creates <#if several>the IAM roles <#list roles as r>**${r.name}**<#sep>, </#list><#else>the IAM role **${roles[0].name}**</#if>, which Amazon Aurora PostgreSQL assumes for <#list roles as r>${r.use} (${md.code(r.fn)})<#sep><#if r?index == roles?size - 2> and <#else>, </#if></#list>. Aurora PostgreSQL has no cluster parameter for these: the next step adds each role to the cluster with the feature it serves (<#list roles as r>${md.code(r.feature)}<#sep>, </#list>), and a cluster takes one role per feature, so each feature has a role of its own with its own policy.
<#else>
<#assign forS3 = s3Steps?has_content || kmsSteps?has_content>
<#assign mysqlParams = forS3?then(["aws_default_s3_role"], []) + lambdaSteps?has_content?then(["aws_default_lambda_role"], [])>
This runbook creates the IAM role **${p.roleName}**, which Amazon Aurora MySQL assumes when it <#if forS3>reads from or writes to Amazon S3</#if><#if forS3 && lambdaSteps?has_content> and when it </#if><#if lambdaSteps?has_content>invokes Lambda</#if>, and attaches <#if attach?size gt 1>every policy of this procedure to it: <#elseif attach?has_content>the policy </#if><#list attach as x>**${x}**<#sep>, </#list>. Aurora MySQL uses one role for <#if attach?size gt 1>all of them<#elseif forS3>S3<#else>Lambda</#if>: the next step names it in the cluster parameter<#if mysqlParams?size gt 1>s</#if> <#list mysqlParams as x>${md.code(x)}<#sep> and </#list>.
</#if>

<#if several>Each role trusts<#else>The role trusts</#if> the RDS service (${md.code("rds.amazonaws.com")}) only on behalf of account ${md.code(aws.account)}<#if p.clusterId??> and the cluster ${md.code(cluster)}</#if>, so that no other account or cluster can make Aurora use it (the confused-deputy problem).

<#if !pg && kmsSteps?has_content && !s3Steps?has_content>
> **S3 permissions are still needed.** This procedure has no S3 step, so this role gets the KMS policy only: it lets Aurora use the keys, but not read or write the objects. <#if !(p.buckets?? && p.buckets?has_content)>Generate again with the S3 locations as well (${md.code("buckets:")} in the YAML, or ${md.code("--bucket s3://BUCKET/PREFIX/")}), which adds the S3 policy and attaches it here.<#else>Generate again with the whole procedure, the pack ${md.code("aurora-access")} (the default: leave out ${md.code("--pack")}), which adds the S3 policy and attaches it here.</#if>

</#if>
## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "Engine" engine/>
<@m.row "DB cluster" md.code(cluster)/>
<@m.row "Trusted service" md.code("rds.amazonaws.com")/>
<@m.row "Trusted for account" md.code(aws.account)/>
<#if p.clusterId??>
<@m.row "Trusted for cluster" md.code(p.clusterId.arn)/>
</#if>
<#list roles as r>
<@m.row "Role name" + r.feature?has_content?then(" (" + r.feature + ")", "") md.code(r.name)/>
<@m.row "Role ARN, once created" md.code(r.name.arn)/>
<#list r.policies as x>
<@m.row "Policy to attach" md.code(x.arn)/>
</#list>
</#list>

## Before you start

- The polic${(policySteps?size gt 1)?then("ies", "y")} must exist: <#if policySteps?has_content><#list policySteps as s>${md.link("step " + s.number + ": " + s.title, s.href)}<#sep>, </#list><#else>create <#list roles as r><#list r.policies as x>${md.code(x)}<#sep>, </#list><#sep>, </#list> first</#if>.
- Sign in to account ${md.code(aws.account)} as a user or role that may create roles and attach policies (${md.code("iam:CreateRole")}, ${md.code("iam:AttachRolePolicy")}; ${md.code("iam:UpdateAssumeRolePolicy")} for a role that already exists).

### A global database

<@m.globalCheck cluster/>

## The trust policy

<#if docs.trustPolicy.href??>This is ${md.link("trust-policy.json", docs.trustPolicy.href)}.<#else>Save this JSON as ${md.code("trust-policy.json")}.</#if> The console and CLI steps below use exactly this JSON<#if several>, for every role</#if>.

${md.block(docs.trustPolicy.text, "json")}

${md.code("aws:SourceAccount")} limits the role to requests RDS makes for account ${md.code(aws.account)}<#if p.clusterId??>, and ${md.code("aws:SourceArn")} to the cluster ${md.code(p.clusterId.arn)}: the cluster's ARN, since the role is the cluster's<#if pg> (AWS's PostgreSQL pages show an instance ARN, ${md.code("arn:" + aws.partition + ":rds:" + aws.region + ":" + aws.account + ":db:dbname")}, which does not match a cluster's requests)</#if></#if>.

## Create the role<#if several>s</#if>

<@m.forms>
<@m.form "console">
<#list roles as r>
<#if several>
**${r.name}** (feature ${md.code(r.feature)}):

</#if>
1. <@m.open "IAM console" aws.iamConsoleUrl!"" "#/roles"/>
2. Choose **Create role**.
3. For **Trusted entity type**, choose **AWS service**.
4. Under **Use case**, in **Use cases for other AWS services**, choose **RDS**, then **RDS - Add Role to Database**. Choose **Next**.
5. On **Add permissions**, for <#if r.policies?size gt 1>each of <#list r.policies as x>${md.code(x)}<#sep>, </#list><#else>${md.code(r.policies[0])}</#if>: type its name in the search box and select its check box. Then choose **Next**.
6. For **Role name**, enter ${md.code(r.name)}. The name cannot be changed later.
7. Choose **Create role**.
8. The console's trust policy trusts ${md.code("rds.amazonaws.com")} without conditions. Open the role ${md.code(r.name)}, choose the **Trust relationships** tab, then **Edit trust policy**. This replaces the role's whole trust policy: for the role you have just created, that is the console's policy without conditions; for a role that existed before, whatever it trusted until now (another cluster, another service or account) is no longer trusted, so read "If it already exists" first. Replace the policy with the JSON above, and choose **Update policy**.

</#list>
</@m.form>
<@m.form "cli">
Run this where ${md.code("trust-policy.json")} is, with credentials for account ${md.code(aws.account)}:

<#list roles as r>
```sh
aws iam create-role --region ${sh(aws.region)} \
  ${opt("--role-name", r.name)} \
  --assume-role-policy-document file://trust-policy.json
<#list r.policies as x>
aws iam attach-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", r.name)} \
  --policy-arn ${sh(x.arn)}
</#list>
```

</#list>
</@m.form>
<#if docs.terraform??>
<@m.form "terraform">
<@tfm.roleForm/>
</@m.form>
</#if>
<#if docs.cloudformation??>
<@m.form "cloudformation">
The template creates the role<#if several>s</#if> with the trust policy above and attaches the policies by their ARNs, so the policies must exist first (the earlier steps, or their stacks).

<@iacm.cfnBody docs.cloudformation "role" true "its trust policy is the JSON above"/>
</@m.form>
</#if>
</@m.forms>

## Check it

<#list roles as r>
```sh
aws iam get-role --region ${sh(aws.region)} ${opt("--role-name", r.name)} \
  --query Role.AssumeRolePolicyDocument
aws iam list-attached-role-policies --region ${sh(aws.region)} ${opt("--role-name", r.name)} \
  --query 'AttachedPolicies[].PolicyArn' --output text
```

</#list>
<#list roles as r>
<#if several>For ${md.code(r.name)}, the<#else>The</#if> first command prints the trust policy above; the second prints <#list r.policies as x>${md.code(x.arn)}<#sep>, </#list><#if r.policies?size gt 1> (in any order)</#if>, and no other policy.
<#if several>

</#if>
</#list>

<#if lambdaSteps?has_content && p.lambdaFunctions?filter(f -> f.account != aws.account)?has_content>
Now that the role exists, let it invoke <#list p.lambdaFunctions?filter(f -> f.account != aws.account) as f>${md.code(f.arn)}<#sep>, </#list>, which ${(p.lambdaFunctions?filter(f -> f.account != aws.account)?size gt 1)?then("are", "is")} in another account: ${md.link("step " + lambdaSteps[0].number + ": " + lambdaSteps[0].title, lambdaSteps[0].href)}, "A function in another account (after the role step)", adds it to the function's resource-based policy.

</#if>
## If it already exists

<#list roles as r>
<#if several>
**${r.name}:**

</#if>
${md.code("create-role")} stops with ${md.code("EntityAlreadyExists")} when account ${md.code(aws.account)} already has a role named ${md.code(r.name)}<#if (shared[r.param])?has_content> (expected when a runbook that shares it ran first)</#if>. Compare it with the commands of "Check it":

- **The same trust policy:** skip ${md.code("create-role")}, and attach the policies as below.
- **Another trust policy:** the name belongs to a role someone else uses. Either generate again with another name (${md.code(r.flag)}, or ${md.code(r.param)} in the YAML), or replace its trust policy with ${md.code("trust-policy.json")}. That replaces the whole trust policy at once: whatever the role trusts now (another cluster, another service, another account) stops being able to assume it. Save the current one first, for roll back, then replace it:

```sh
aws iam get-role --region ${sh(aws.region)} ${opt("--role-name", r.name)} \
  --query Role.AssumeRolePolicyDocument > ${sh("trust-policy-before-" + r.name + ".json")}
aws iam update-assume-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", r.name)} \
  --policy-document file://trust-policy.json
```

Then attach what is missing. Attaching a policy that is already attached changes nothing, so attach every one:

```sh
<#list r.policies as x>
aws iam attach-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", r.name)} \
  --policy-arn ${sh(x.arn)}
</#list>
```

Policies the role had before stay attached, and the cluster gets what they grant too; "Check it" lists them. Detach any that the cluster should not have (${md.code("aws iam detach-role-policy")}).

</#list>
## Roll back

<#list roles as r>
<#if (shared[r.param])?has_content>
The runbook<#if shared[r.param]?size gt 1>s</#if> <#list shared[r.param] as o>${md.code(o)}<#sep>, </#list> of this inventory ${(shared[r.param]?size gt 1)?then("use", "uses")} the role ${md.code(r.name)} too: roll it back only when none of them needs it any more.

</#if>
</#list>
Remove the role<#if several>s</#if> from the cluster first, if the next step is done (see its roll back). If you created <#list roles as r>${md.code(r.name)}<#sep>, </#list>, detach the policies and delete the role<#if several>s</#if>:

```sh
<#list roles as r>
<#list r.policies as x>
aws iam detach-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", r.name)} \
  --policy-arn ${sh(x.arn)}
</#list>
aws iam delete-role --region ${sh(aws.region)} ${opt("--role-name", r.name)}
</#list>
```

IAM deletes a role only when no policy is attached; detach any other policy you attached too. If instead you replaced the trust policy of a role that existed before, put its saved trust policy back, and detach only the policies you attached:

```sh
<#list roles as r>
aws iam update-assume-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", r.name)} \
  --policy-document ${sh("file://trust-policy-before-" + r.name + ".json")}
</#list>
```

## Next

<@m.stepLinks/>

## About this runbook

${runwright.generator} wrote it from AWS's page ${md.link("Creating an IAM role to allow Amazon Aurora to access AWS services", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.CreateRole.html")}<#if pg> and the role steps of ${md.link("Importing data from Amazon S3 into an Aurora PostgreSQL DB cluster", aws.auroraGuideUrl + "USER_PostgreSQL.S3Import.html")}</#if>, with these corrections:

- The page's console steps use an older console (Select your use case); the steps here use the current labels.
- The console writes a trust policy without conditions; here it is limited to your account<#if p.clusterId??> and cluster</#if>, as AWS's ${md.link("confused deputy guidance", aws.auroraGuideUrl + "cross-service-confused-deputy-prevention.html")} recommends, and the step that puts it in place says what it replaces.
<#if pg>
- AWS's PostgreSQL pages limit the trust policy with a DB instance's ARN (${md.code("arn:aws:rds:REGION:ACCOUNT:db:dbname")}); these roles belong to the cluster, so ${md.code("aws:SourceArn")} is the cluster's ARN (${md.code("arn:" + aws.partition + ":rds:" + aws.region + ":" + aws.account + ":cluster:" + cluster)}).
- AWS's export page says to add the role to "this instance"; the role goes to the cluster, in the next step.
</#if>
- Every policy of the procedure is attached, each with its own ${md.code("attach-role-policy")}, and "Check it" lists what the role must have.
