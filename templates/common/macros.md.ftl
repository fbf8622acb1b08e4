<#-- Macros shared by the built-in runbooks. This file is Markdown (*.md.ftl), so ${...} here is
     Markdown-escaped like in the runbooks that import it. -->

<#-- "Open the IAM console: <link>", or a plain instruction where the console is not public. -->
<#macro open what url="" suffix="">
<#if url?has_content>Open the ${what}: ${md.link(url + suffix, url + suffix)}<#else>Open the ${what} of partition ${md.code(aws.partition)} (its address is not public; use the one your organization gives)</#if></#macro>

<#-- A row of the values table. -->
<#macro row label value>
| ${label} | ${value} |
</#macro>

<#-- The links to the previous step, the next step and the overview. -->
<#macro stepLinks>
<#if links.prev??>
- Previous: ${md.link(links.prev.title, links.prev.href)}
</#if>
<#if links.next??>
- Next: ${md.link(links.next.title, links.next.href)}
</#if>
<#if links.overview??>
- ${md.link("The whole procedure, step by step", links.overview.href)}
</#if>
</#macro>

<#-- The ways of doing a step (console, AWS CLI, and the infrastructure-as-code forms), each a
     section of its own. Pages show them as tabs; wikis as sections one after another. The
     comments mark where they begin and end (GitHub and GitLab hide them; Runwright's pages drop
     them). Use it as <@m.forms><@m.form "console">...</@m.form><@m.form "cli">...</@m.form></@m.forms>. -->
<#macro forms>
<!-- runwright:forms -->

<#nested>
<!-- runwright:end-forms -->
</#macro>

<#-- One way of doing a step: console, cli, terraform, cloudformation or ssm. -->
<#macro form name>
<#assign labels = {"console": "In the console", "cli": "With the AWS CLI", "terraform": "With Terraform", "cloudformation": "With CloudFormation", "ssm": "With an SSM Automation runbook"}>
### ${labels[name]!name}

<#nested>

</#macro>

<#-- The names of an AWS service's VPC endpoints in the runbook's Region, for a
     describe-vpc-endpoints filter: com.amazonaws.REGION.SERVICE; the China Regions name some
     endpoint services cn.com.amazonaws.REGION.SERVICE, so both are asked for there. -->
<#function endpointServices service>
  <#local name = "com.amazonaws." + aws.region + "." + service>
  <#if aws.partition == "aws-cn"><#return ["cn." + name, name]></#if>
  <#return [name]>
</#function>

<#-- A note that other runbooks of the inventory create the same IAM resource with the same
     document (shared.<param>, planned per account), so that the operator creates it once. -->
<#macro sharedNote param what>
<#if (shared[param])?? && shared[param]?has_content>
<#local others = shared[param]>
> **Shared:** ${what} is also created by the runbook<#if others?size gt 1>s</#if> <#list others as o>${md.code(o)}<#sep>, </#list> of this inventory, with the same document: create it once. If it already exists when you get here, check that it is the same (see "If it already exists") and go on.

</#if>
</#macro>

<#-- The console steps that create a customer managed policy from its JSON, in the current policy
     editor. -->
<#macro policyJsonSteps name file description="">
1. <@open "IAM console" aws.iamConsoleUrl!"" "#/policies"/>
2. Choose **Create policy**.
3. In the **Policy editor**, choose **JSON**.
4. Replace everything in the editor with the JSON of ${md.code(file)} above.
5. Choose **Next**.
6. For **Policy name**, enter ${md.code(name)}.
<#if description?has_content>
7. For **Description**, enter ${md.code(description)}. IAM cannot change a policy's description later.
<#else>
7. Leave **Description** empty, or describe the policy now: IAM cannot change it later.
</#if>
8. Choose **Create policy**.
</#macro>

<#-- create-policy for one policy document, run where the file is. -->
<#macro createPolicy name file description="">
```sh
aws iam create-policy --region ${sh(aws.region)} \
  ${opt("--policy-name", name)} \
<#if description?has_content>
  ${opt("--description", description)} \
</#if>
  --policy-document ${sh("file://" + file)}
```
</#macro>

<#-- The commands that show a policy as IAM has it: its default version and the document. -->
<#macro policyCheck arn>
```sh
aws iam get-policy --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)} \
  --query 'Policy.[PolicyName,DefaultVersionId,AttachmentCount]' --output text
version=$(aws iam get-policy --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)} \
  --query Policy.DefaultVersionId --output text)
aws iam get-policy-version --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)} --version-id "$version" \
  --query PolicyVersion.Document
```
</#macro>

<#-- What to do when the account already has a policy of this name: compare it; keep it when it
     is the same; otherwise another name, or this document as its new default version, within
     IAM's five versions, saying what that replaces. -->
<#macro policyExists name arn file flag param>
${md.code("create-policy")} stops with ${md.code("EntityAlreadyExists")} when account ${md.code(aws.account)} already has a policy named ${md.code(name)}<#if (shared[param])?has_content> (expected when a runbook that shares it ran first)</#if>. Compare its document with ${md.code(file)} above, with the commands of "Check it":

- **The same statements:** the policy is ready; go on.
- **Different statements:** the name belongs to another policy. Either generate again with another name (${md.code(flag)}, or ${md.code(param)} in the YAML), or make ${md.code(file)} the policy's new default version. That replaces the policy's document at once for every role, user and group that has it attached, and they then have exactly the permissions above; see which they are first:

```sh
aws iam list-entities-for-policy --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)}
```

IAM keeps at most five versions of a policy. List them:

```sh
aws iam list-policy-versions --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)} \
  --query 'Versions[].[VersionId,IsDefaultVersion,CreateDate]' --output text
```

If it lists five, delete the oldest version that is not the default; the command prints which one it deletes:

```sh
oldest=$(aws iam list-policy-versions --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)} \
  --query 'sort_by(Versions[?!IsDefaultVersion], &CreateDate)[0].VersionId' --output text)
echo "Deleting version $oldest"
aws iam delete-policy-version --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)} --version-id "$oldest"
```

Then add ${md.code(file)} as the default version. The version it replaces stays, as a version that is not the default, so that roll back can return to it:

```sh
aws iam create-policy-version --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)} \
  --policy-document ${sh("file://" + file)} --set-as-default
```
</#macro>

<#-- Roll back of a policy step: detach it from the roles given (or from ROLE-NAME when none is
     known), delete it; or, when it was an existing policy given a new version, return to the
     version before. -->
<#macro policyRollback name arn roles param>
<#if (shared[param])?has_content>
The runbook<#if shared[param]?size gt 1>s</#if> <#list shared[param] as o>${md.code(o)}<#sep>, </#list> of this inventory ${(shared[param]?size gt 1)?then("use", "uses")} the same policy: roll it back only when none of them needs it any more.

</#if>
If you created ${md.code(name)}, delete it once nothing uses it. First see where it is attached:

```sh
aws iam list-entities-for-policy --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)}
```

<#if roles?has_content>
Detach it from <#list roles as r>${md.code(r)}<#sep> and </#list> (the role's own runbook rolls back the role itself) and from anything else the list shows, then delete it:

```sh
<#list roles as r>
aws iam detach-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", r)} \
  --policy-arn ${sh(arn)}
</#list>
aws iam delete-policy --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)}
```
<#else>
Detach it from each role the list shows (put the role's name in place of ${md.code("ROLE-NAME")}), then delete it:

```sh
aws iam detach-role-policy --region ${sh(aws.region)} \
  --role-name ROLE-NAME \
  --policy-arn ${sh(arn)}
aws iam delete-policy --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)}
```
</#if>

If instead you gave an existing policy ${md.code(name)} a new default version ("If it already exists"), make the version before it the default again; the command prints which version that is:

```sh
previous=$(aws iam list-policy-versions --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)} \
  --query 'sort_by(Versions[?!IsDefaultVersion], &CreateDate)[-1].VersionId' --output text)
echo "Making $previous the default version again"
aws iam set-default-policy-version --region ${sh(aws.region)} \
  --policy-arn ${sh(arn)} --version-id "$previous"
```
</#macro>

<#-- The route from the cluster's VPC to an AWS service (s3, lambda): a VPC endpoint of the
     service, or a NAT gateway in the route tables of the cluster's subnets. -->
<#macro routeCheck cluster service>
```sh
group=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].DBSubnetGroup' --output text)
vpc=$(aws rds describe-db-subnet-groups --region ${sh(aws.region)} \
  --db-subnet-group-name "$group" \
  --query 'DBSubnetGroups[0].VpcId' --output text)
echo "The cluster's subnet group is $group, in VPC $vpc"
aws ec2 describe-vpc-endpoints --region ${sh(aws.region)} \
  --filters "Name=vpc-id,Values=$vpc" ${sh("Name=service-name,Values=" + endpointServices(service)?join(","))} \
  --query 'VpcEndpoints[].[VpcEndpointId,ServiceName,VpcEndpointType,State,RouteTableIds]'
aws ec2 describe-route-tables --region ${sh(aws.region)} \
  --filters "Name=vpc-id,Values=$vpc" \
  --query 'RouteTables[].[RouteTableId,Associations[].SubnetId,Routes[].[DestinationCidrBlock,DestinationPrefixListId,GatewayId,NatGatewayId]]'
```
</#macro>

<#-- A global database: every cluster of it needs the same access, since another may be promoted. -->
<#macro globalCheck cluster>
If the cluster is part of an Aurora global database, every cluster of it needs the same policies, role and association, each in its own Region: only the primary cluster writes, but another cluster may be promoted. This lists the global databases with their clusters:

```sh
aws rds describe-global-clusters --region ${sh(aws.region)} \
  --query 'GlobalClusters[].[GlobalClusterIdentifier,GlobalClusterMembers[].[DBClusterArn,IsWriter]]'
```

If ${md.code(cluster)} is among them, generate this procedure for each of the other clusters too: in an inventory, an entry for each, with its Region, its cluster identifier and a role name of its own (the trust policy names the cluster, and IAM names are unique in the account).
</#macro>
