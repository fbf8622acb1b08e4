<#import "/common/macros.md.ftl" as m>
<#import "/common/terraform.md.ftl" as tfm>
<#import "/common/aurora-iac.md.ftl" as iacm>
<#assign pg = p.engine == "aurora-postgresql">
<#assign engine = pg?then("Aurora PostgreSQL", "Aurora MySQL")>
<#assign cluster = p.clusterId???then(p.clusterId?string, "<your-cluster-id>")>
<#assign fns = p.lambdaFunctions>
<#assign multi = fns?size gt 1>
<#assign fnWord = multi?then("functions", "function")>
<#assign role = pg?then(p.lambdaRoleName, p.roleName)>
<#assign roleSteps = steps?filter(s -> s.pack == "aurora-role")>
<#assign elsewhere = fns?filter(f -> f.account != aws.account)>
<#assign otherRegion = fns?filter(f -> f.region != aws.region)>
# Create the Lambda policy ${p.lambdaPolicyName} for ${engine}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<#if !p.clusterId??>
> **Placeholder:** no cluster identifier was given, so ${md.code(cluster)} stands for it in the network check below; replace it before you run that check, or generate again with ${md.code("--cluster-id")} (or ${md.code("clusterId")}).

</#if>
<@m.sharedNote "lambdaPolicyName" "The policy " + md.code(p.lambdaPolicyName)/>
This runbook creates the customer managed IAM policy **${p.lambdaPolicyName}** in AWS account ${md.code(aws.account)}. It lets ${engine} invoke the Lambda ${fnWord} below (<#if pg>${md.code("aws_lambda.invoke")}<#else>${md.code("lambda_sync")} and ${md.code("lambda_async")}</#if>) with ${md.code("lambda:InvokeFunction")}, on ${multi?then("each function's", "the function's")} full ARN and on nothing else: not ${md.code("\"*\"")}, as AWS's managed policy ${md.code("AWSLambdaRole")} grants. The policy grants nothing on its own: <#if roleSteps?has_content>${md.link("step " + roleSteps[0].number + ": " + roleSteps[0].title, roleSteps[0].href)} attaches it to the role ${md.code(role)}<#if pg>, the role of the cluster's ${md.code("Lambda")} feature<#else>, which the cluster names in ${md.code("aws_default_lambda_role")}</#if>.<#else>attach it to the role your cluster uses for Lambda.</#if>

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "Partition" md.code(aws.partition) + " (" + aws.partitionName + ")"/>
<@m.row "Engine" engine/>
<@m.row "DB cluster" md.code(cluster)/>
<@m.row "Policy name" md.code(p.lambdaPolicyName)/>
<@m.row "Policy ARN, once created" md.code(p.lambdaPolicyName.arn)/>
<@m.row "Action" md.code("lambda:InvokeFunction")/>
<#if roleSteps?has_content>
<@m.row "Attached to the role" md.code(role)/>
</#if>

The ${fnWord}, by the ARN the policy grants and the SQL calls:

| Function | Version or alias | Account | Region | ARN |
|---|---|---|---|---|
<#list fns as f>
| ${md.code(f.name)} | <#if f.qualifier?has_content>${md.code(f.qualifier)}<#else>none (the function itself)</#if> | ${md.code(f.account)} | ${md.code(f.region)} | ${md.code(f.arn)} |
</#list>

${engine} must call each function by exactly this ARN<#if pg> (or its name with the same Region)</#if>: a function of the same name in another Region or account is another function, which this policy does not grant.

<#list fns as f>
<#if f.qualifier?has_content>
> **Note:** ${md.code(f.arn)} names the ${md.code(f.qualifier)} version or alias only. ${engine} must call it by that ARN; calling ${md.code(f.name)} by its unqualified ARN, or another version or alias, is refused. Give the function without ${md.code(":" + f.qualifier)} (or each qualifier you call) to grant those.

</#if>
</#list>
## Before you start

Sign in to account ${md.code(aws.account)} as a user or role that may create IAM policies (${md.code("iam:CreatePolicy")}), and check these first.

### Each function exists

<#assign accounts = []>
<#list fns as f><#if !accounts?seq_contains(f.account)><#assign accounts = accounts + [f.account]></#if></#list>
<#list accounts as a>
<#if accounts?size gt 1 || a != aws.account>
With credentials for account ${md.code(a)}:

</#if>
```sh
<#list fns?filter(f -> f.account == a) as f>
aws lambda get-function --region ${sh(f.region)} \
  --function-name ${sh(f.arn)} \
  --query 'Configuration.[FunctionArn,State,LastUpdateStatus]' --output text
</#list>
```

</#list>
Each prints the function's ARN, ${md.code("Active")} and ${md.code("Successful")}. ${md.code("ResourceNotFoundException")} means the name, version, alias, Region or account is not the function's: correct it and generate again.

<#if elsewhere?has_content>
### A function in another account

<#list elsewhere as f>${md.code(f.name)}<#sep>, </#list> ${(elsewhere?size gt 1)?then("are", "is")} in another account. This policy lets the role ask; the function's own resource-based policy must also allow the role, which "A function in another account" below does once the role exists.

</#if>
### A route from the cluster to Lambda

The cluster calls Lambda over the network: through a VPC interface endpoint for Lambda, or through a NAT gateway. Without either, <#if pg>${md.code("aws_lambda.invoke")} cannot connect<#else>the call stops with ${md.code("ERROR 1873 (HY000): Lambda API returned error: Network Connection. Unable to connect to endpoint")}</#if>. This shows the cluster's VPC, its Lambda endpoints and its route tables:

<@m.routeCheck cluster "lambda"/>

The route is there when an ${md.code("Interface")} endpoint for Lambda (<#list m.endpointServices("lambda") as n>${md.code(n)}<#sep> or </#list>) is listed as ${md.code("available")} (with private DNS names on, which is the default), or when the route tables of the cluster's subnets send ${md.code("0.0.0.0/0")} to a ${md.code("nat-")} gateway.<#if otherRegion?has_content> A Lambda endpoint reaches only the Lambda of its own Region, so <#list otherRegion as f>${md.code(f.name)} (in ${md.code(f.region)})<#sep>, </#list> needs the NAT route.</#if>

## The policy

<#if docs.policy.href??>This is ${md.link("policy.json", docs.policy.href)}; the console and CLI steps below use exactly this JSON.<#else>Save this JSON as ${md.code("policy.json")}; the console and CLI steps below use exactly this JSON.</#if>

${md.block(docs.policy.text, "json")}

## Create the policy

<@m.forms>
<@m.form "console">
**Paste the JSON (quickest):**

<@m.policyJsonSteps p.lambdaPolicyName "policy.json"/>

**Or build it in the visual editor:**

1. <@m.open "IAM console" aws.iamConsoleUrl!"" "#/policies"/>, then choose **Create policy**.
2. In the **Policy editor**, choose **Visual**.
3. Under **Select a service**, choose **Lambda**.
4. Under **Actions allowed**, expand **Write** and select **InvokeFunction** only.
5. Under **Resources**, choose **Specific**. Next to **function**, choose **Add ARNs**.
<#list fns as f>
${6 + f?index}. <#if f?index gt 0>Choose **Add ARNs** again. </#if>In the **Specify ARNs** dialog<#if multi>, for function ${f?index + 1} of ${fns?size}</#if>, choose the text option (**List ARNs manually**), paste ${md.code(f.arn)}, and choose **Add ARNs**.
</#list>
${6 + fns?size}. Choose **JSON** and compare the policy with the JSON above, then choose **Next**.
${7 + fns?size}. Enter the name as in step 6 above, and choose **Create policy**.

The dialog's separate fields (the Region, the account and the function name) build the same ARN; the text option takes it whole, version or alias included. Console labels change from time to time: the JSON comparison in the last steps is what counts.
</@m.form>
<@m.form "cli">
Run this where ${md.code("policy.json")} is, with credentials for account ${md.code(aws.account)}:

<@m.createPolicy p.lambdaPolicyName "policy.json"/>
</@m.form>
<#if docs.terraform??>
<@m.form "terraform">
<@tfm.policyForm "lambda-policy"/>
</@m.form>
</#if>
<#if docs.cloudformation??>
<@m.form "cloudformation">
<@iacm.cfnBody docs.cloudformation "lambda"/>
</@m.form>
</#if>
</@m.forms>

## Check it

<@m.policyCheck p.lambdaPolicyName.arn/>

The first command prints ${md.code(p.lambdaPolicyName)}, ${md.code("v1")} (the version: higher if you took the path below) and ${md.code("0")} (the number of roles it is attached to, until the role step); the last prints the policy document: it must be the JSON above.<#if aws.iamConsoleUrl??> In the console: ${md.link("the policy's page", aws.iamConsoleUrl + "#/policies/details/" + url(p.lambdaPolicyName.arn) + "?section=permissions")}.</#if> The call itself is tested in the last step, once the role is associated with the cluster.

<#if elsewhere?has_content>
## A function in another account (after the role step)

The policy of this runbook lets the role ask; the function's own resource-based policy, in its account, must also allow the role ${md.code(role.arn)}. Once the role exists<#if roleSteps?has_content> (${md.link("step " + roleSteps[0].number + ": " + roleSteps[0].title, roleSteps[0].href)})</#if>, add the permission with credentials for the function's account, and read the function's policy back:

<#list elsewhere as f>
```sh
aws lambda add-permission --region ${sh(f.region)} \
  --function-name ${sh(f.arn)} \
  --statement-id ${sh("aurora-" + aws.account)} \
  --action lambda:InvokeFunction \
  --principal ${sh(role.arn)}
aws lambda get-policy --region ${sh(f.region)} \
  --function-name ${sh(f.arn)} \
  --query Policy --output text
```

</#list>
${md.code("get-policy")} must show a statement with ${md.code("\"Principal\": {\"AWS\": \"" + role.arn + "\"}")}, ${md.code("\"Action\": \"lambda:InvokeFunction\"")} and the function's ARN as ${md.code("Resource")}. The role must exist first: a resource-based policy names a role by its ARN, and AWS may refuse one that does not exist yet. ${md.code("ResourceConflictException")} means a statement with this id is already there: read it with ${md.code("get-policy")}.

</#if>
## If it already exists

<@m.policyExists p.lambdaPolicyName p.lambdaPolicyName.arn "policy.json" "--lambda-policy-name" "lambdaPolicyName"/>

## Roll back

<@m.policyRollback p.lambdaPolicyName p.lambdaPolicyName.arn roleSteps?has_content?then([role], []) "lambdaPolicyName"/>
<#if elsewhere?has_content>

If you added the permission to a function in another account, remove it there (with credentials for that account):

```sh
<#list elsewhere as f>
aws lambda remove-permission --region ${sh(f.region)} \
  --function-name ${sh(f.arn)} \
  --statement-id ${sh("aurora-" + aws.account)}
</#list>
```
</#if>

## Next

<@m.stepLinks/>

## About this runbook

<#if pg>
${runwright.generator} wrote it from AWS's pages ${md.link("Invoking an AWS Lambda function from an Aurora PostgreSQL DB cluster", aws.auroraGuideUrl + "PostgreSQL-Lambda.html")} and ${md.link("Creating an IAM policy to access AWS Lambda resources", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.LambdaCreatePolicy.html")} (written for Aurora MySQL; the policy is the same), with the second page's errors corrected:
<#else>
${runwright.generator} wrote it from AWS's page ${md.link("Creating an IAM policy to access AWS Lambda resources", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.IAM.LambdaCreatePolicy.html")}, with the page's errors corrected:
</#if>

- AWS's page tells you to set the ARN to ${md.code("arn:aws:lambda:::function:example_function")}, which has no Region and no account and so names no function; here each function has its full ARN, in the runbook's partition ${md.code(aws.partition)}.
- AWS's page offers the managed policy ${md.code("AWSLambdaRole")} instead, which grants ${md.code("lambda:InvokeFunction")} on ${md.code("\"*\"")}: every function of the account and of any account that allows it.
- AWS's page shows the policy with the Region and the account left as placeholders in angle brackets, which IAM refuses; here the values are filled in and the policy is checked.
- AWS's page follows the old IAM console (Visual editor tab, Add ARN, Review policy); the steps here use the current labels.
<#if !pg>
- AWS's ${md.code("lambda_async")} section says it returns the function's result; it uses the ${md.code("Event")} invocation type, which returns none: only ${md.code("lambda_sync")} shows what a function returns.
</#if>
- The network check follows ${md.link("Enabling network communication from Amazon Aurora to other AWS services", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.Network.html")}.
