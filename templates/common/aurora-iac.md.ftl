<#-- The CloudFormation and SSM Automation forms of the Aurora access runbooks (issue 16), and the
     overview's section with the Terraform form beside them: what
     each form does, its code (the rendered document, never retyped), how to deploy or run it, and
     what it leaves to the operator. Import it as <#import "/common/aurora-iac.md.ftl" as iacm>.
     This file is Markdown (*.md.ftl): ${...} is Markdown-escaped, and inside ```sh blocks every
     value goes through sh()/opt(). -->
<#import "/common/macros.md.ftl" as m>
<#import "/common/aurora-iac.yaml.ftl" as iac>
<#import "/common/terraform.md.ftl" as tfm>

<#-- "file.yaml (a link)" when the output publishes the file, else "this YAML". -->
<#macro fileRef doc><#if doc.href??>${md.link(doc.path, doc.href)}<#else>${md.code(doc.path)}</#if></#macro>

<#-- The template, then how to deploy it as the stack `part` names and read its outputs. `iam`
     says whether it creates named IAM resources (CAPABILITY_NAMED_IAM). -->
<#macro cfnBody doc part iam=true same="every policy in it is the JSON above">
<#local stack = iac.stackName(part)>
<#if doc.href??>This is ${md.link(doc.path, doc.href)}<#else>Save this YAML as ${md.code(doc.path)}</#if><#if iam>; ${same}, as YAML</#if>.

${md.block(doc.text, "yaml")}

Deploy it where the file is, with credentials for account ${md.code(aws.account)}, as the stack ${md.code(stack)} (any name works; the commands below use this one):

```sh
aws cloudformation deploy --region ${sh(aws.region)} \
  --stack-name ${sh(stack)} \
  --template-file ${sh(doc.path)}<#if iam> \
  --capabilities CAPABILITY_NAMED_IAM</#if>
aws cloudformation describe-stacks --region ${sh(aws.region)} \
  --stack-name ${sh(stack)} \
  --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text
```

A stack creates what it names and adopts nothing: when <#if iam>a policy or role of that name already exists in the account (IAM names are unique in it)<#else>a group of that name already exists</#if>, the deployment fails and rolls back, and nothing changes; then follow "If it already exists" with the CLI, or import the existing resource into the stack (${md.code("aws cloudformation create-change-set --change-set-type IMPORT")}; the template must then give it ${md.code("DeletionPolicy: Retain")}). Roll back by deleting the stack, which deletes what it created:

```sh
aws cloudformation delete-stack --region ${sh(aws.region)} --stack-name ${sh(stack)}
aws cloudformation wait stack-delete-complete --region ${sh(aws.region)} --stack-name ${sh(stack)}
```
</#macro>

<#-- Why a part of the association stays with the CLI or the console in the CloudFormation form. -->
<#macro cfnCannot what>
CloudFormation cannot ${what} a cluster its stack does not own: there is no resource type for a role association or a reboot (a cluster's roles and parameter group are only properties of ${md.code("AWS::RDS::DBCluster")}), and bringing the cluster into a stack means importing it with ${md.code("DeletionPolicy: Retain")}, after which the stack manages every property of the cluster. Do this part with the CLI or the console<#if links.overview?? && forms?seq_contains("ssm") && p.clusterId??>, or let the procedure's SSM Automation runbook do it (${md.link("the overview", links.overview.href)})</#if>.
</#macro>

<#-- The overview's section: the whole procedure as one Terraform configuration, one CloudFormation
     template and one SSM Automation runbook (those the input chose), as tabs of one group like the
     steps' forms, each with how to use it and what it leaves to the operator. -->
<#macro overview>
<#local present = []>
<#if docs.terraform??><#local present = present + ["terraform"]></#if>
<#if docs.cloudformation??><#local present = present + ["cloudformation"]></#if>
<#if docs.automation??><#local present = present + ["ssm"]></#if>
<#local names = {"terraform": "Terraform", "cloudformation": "CloudFormation", "ssm": "SSM Automation"}>
<#local does = {"terraform": "every step that changes AWS as one Terraform configuration", "cloudformation": "the IAM part of the procedure as one CloudFormation stack", "ssm": "the whole procedure up to the database steps as one SSM Automation runbook"}>
<#if present?has_content>
## All at once: <#list present as f>${names[f]}<#sep><#if f?index == present?size - 2> or <#else>, </#if></#sep></#list>

Instead of following the steps one by one, you can apply <#list present as f>${does[f]}<#sep><#if f?index == present?size - 2>, or <#else>, </#if></#sep></#list>. <#if present?size gt 2>All are<#elseif present?size == 2>Both are<#else>It is</#if> generated from the same values as the steps: every policy in <#if present?size gt 1>them<#else>it</#if> is the step's JSON, and the names and ARNs are the ones above. The steps' runbooks stay the reference for checks, "If it already exists" and roll back.
<#if !docs.automation?? && !p.clusterId?? && forms?seq_contains("ssm")>

An SSM Automation runbook that does the whole procedure up to the database steps needs the cluster's identifier, which it names in every call: generate again with it (${md.code("--cluster-id")}, or ${md.code("clusterId")} in the YAML) to get one.
</#if>

<#if present?size gt 1>
<@m.forms>
<#list present as f>
<@m.form f>
<@overviewForm f/>
</@m.form>
</#list>
</@m.forms>
<#else>
<@overviewForm present[0]/>
</#if>
<#elseif !p.clusterId?? && forms?seq_contains("ssm")>
## All at once: SSM Automation

An SSM Automation runbook that does the whole procedure up to the database steps needs the cluster's identifier, which it names in every call: generate again with it (${md.code("--cluster-id")}, or ${md.code("clusterId")} in the YAML) to get one.
</#if>
</#macro>

<#macro overviewForm name>
<#if name == "terraform">
<@tfm.procedureForm/>
<#elseif name == "cloudformation">
<@cfnOverview docs.cloudformation/>
<#else>
<@ssmOverview/>
</#if>
</#macro>

<#macro cfnOverview doc>
<#local mysql = !iac.pg()>
The stack creates every policy, the role<#if iac.roles()?size gt 1>s</#if> with the trust policy and the policies attached<#if mysql && iac.packs()?seq_contains("aurora-associate")>, and the new DB cluster parameter group that names the role</#if>.

<@cfnBody doc "access" true "every policy in it is its step's policy JSON"/>

What the stack leaves to you, because CloudFormation has no resource for a cluster it does not own: adding the role<#if iac.roles()?size gt 1>s</#if> to the cluster<#if mysql>, attaching the parameter group to it and rebooting the writer</#if> (<#list steps?filter(s -> s.pack?ends_with("associate")) as s><#if s.href??>${md.link("step " + s.number + ": " + s.title, s.href)}<#else>step ${s.number}: ${s.title}</#if></#list>, CLI or console), and the steps after it.
</#macro>

<#-- What the Automation runbook does, as a sentence after "it": the checks, in the overview
     the policies and roles, the association and on MySQL the parameter group and the reboot. -->
<#macro ssmDoes whole>
<#local mysql = !iac.pg()>
<#local many = iac.roles()?size gt 1>
checks the cluster's engine<#if mysql> and that the cluster uses ${md.code("default." + iac.family())} or ${md.code(iac.group())}</#if>, <#if whole>creates the policies and the role<#if many>s</#if>, </#if>adds <#if whole><#if many>them<#else>it</#if><#else>the role<#if many>s</#if></#if> to the cluster (retried while IAM propagates a new role) and waits until the cluster shows <#if many>each<#else>it</#if> ${md.code("ACTIVE")}<#if mysql>, then creates the parameter group if the cluster does not use it yet, names the role in it (${md.code("pending-reboot")}), attaches it, reboots the writer and checks that the writer is ${md.code("available")} and its parameter group ${md.code("in-sync")}</#if><#t>
</#macro>

<#-- The Automation runbook's own role (its two policies), and the commands that create the role,
     register the runbook as the document `part` names and start it, approvals included. -->
<#macro ssmRun part>
<#local role = iac.automationRole()>
<#local name = iac.stackName(part)>
It runs as its own role, ${md.code(role.name)}, which may do exactly these steps and nothing else: ${md.code("iam:PassRole")} only on the role<#if iac.roles()?size gt 1>s</#if> above and only to ${md.code("rds.amazonaws.com")}. Its permissions are <@fileRef docs.automationPolicy/>:

${md.block(docs.automationPolicy.text, "json")}

and its trust policy <@fileRef docs.automationTrustPolicy/>, which lets only Systems Manager assume it, for automation runs of account ${md.code(aws.account)}:

${md.block(docs.automationTrustPolicy.text, "json")}

Create the role, register the runbook and start it, where the three files are, with credentials for account ${md.code(aws.account)} that may create roles and documents:

```sh
aws iam create-role --region ${sh(aws.region)} \
  ${opt("--role-name", role.name)} \
  --assume-role-policy-document file://automation-trust-policy.json
aws iam put-role-policy --region ${sh(aws.region)} \
  ${opt("--role-name", role.name)} \
  ${opt("--policy-name", name)} \
  --policy-document file://automation-policy.json
aws ssm create-document --region ${sh(aws.region)} \
  ${opt("--name", name)} \
  --document-type Automation --document-format YAML \
  --content file://automation.yaml
aws ssm start-automation-execution --region ${sh(aws.region)} \
  ${opt("--document-name", name)} \
  --parameters ${sh("AutomationAssumeRole=" + role.arn)}
```

The last command prints the run's ${md.code("AutomationExecutionId")}. Follow it with ${md.code("aws ssm get-automation-execution --automation-execution-id ID")} or in the Systems Manager console under **Automation**. Whoever starts it needs ${md.code("ssm:StartAutomationExecution")} and ${md.code("iam:PassRole")} on ${md.code(role.arn)}. The role ${md.code(role.name)} serves every Automation runbook of this cluster's procedure: when it exists already, give it this document's permissions with ${md.code("put-role-policy")} alone.
<#if p.approvers?? && p.approvers?has_content>
The run waits at its first step until an approver approves it, within 7 days: in the console, **Automation**, the run with status **Waiting**, **Approve/Deny**; or ${md.code("aws ssm send-automation-signal --automation-execution-id ID --signal-type Approve --payload Comment=ok")}. Approvers need ${md.code("ssm:SendAutomationSignal")}.
</#if>
</#macro>

<#-- What a run leaves to the operator. -->
<#macro ssmLeaves whole>
<#local mysql = !iac.pg()>
What the run leaves to you: it stops at the first step that fails and undoes nothing, so a run that stopped halfway is finished with the runbooks' CLI or console steps (their "Check it" shows what is done). <#if whole>It does not run twice: a second run stops at ${md.code("EntityAlreadyExists")} when it creates the first policy (then follow the steps' "If it already exists"). <#else>A role that is already on the cluster stops it at ${md.code("DBClusterRoleAlreadyExists")}. </#if><#if mysql>When the cluster uses a custom parameter group of its own, the run stops at ${md.code("CheckParameterGroup")} before it changes anything: follow the association step's part 2 with that group. </#if><#if whole && (p.lambdaFunctions![])?filter(f -> f.account != aws.account)?has_content>A Lambda function of another account also needs that function's resource-based policy, which only its own account can change (the Lambda step says how). </#if><#if whole>The database steps and the test are SQL, which it does not run. </#if>To remove it afterwards: ${md.code("aws ssm delete-document")}, then delete the role's policy and the role when no other runbook uses them (${md.code("aws iam delete-role-policy")}, ${md.code("aws iam delete-role")}).
</#macro>

<#macro ssmOverview>
The Automation runbook <@fileRef docs.automation/> does the steps up to the association as one logged run<#if p.approvers?? && p.approvers?has_content>, after one of <#list p.approvers as a>${md.code(a)}<#sep>, </#list> approves it</#if>: it <@ssmDoes true/>.

${md.block(docs.automation.text, "yaml")}

<@ssmRun "access"/>

<@ssmLeaves true/>
</#macro>

<#-- The association step's Automation runbook (shown in its first part; the later parts point to
     it). -->
<#macro ssmForStep>
The Automation runbook <@fileRef docs.automation/> does this whole step as one logged run<#if p.approvers?? && p.approvers?has_content>, after one of <#list p.approvers as a>${md.code(a)}<#sep>, </#list> approves it</#if>: it <@ssmDoes false/>. The role<#if iac.roles()?size gt 1>s</#if> must exist (the role step)<#if links.overview??>; the procedure's own runbook on ${md.link("the overview", links.overview.href)} does the earlier steps too</#if>.

${md.block(docs.automation.text, "yaml")}

<@ssmRun "associate"/>

<@ssmLeaves false/>
</#macro>
