<#-- The Terraform form of the runbooks: the step's main.tf (the text Runwright wrote, never
     retyped), how to apply it, and what Terraform leaves to the operator. Markdown (*.md.ftl):
     ${...} here is Markdown-escaped, and inside a ```sh block values go through sh(). Use it
     inside <@m.form "terraform"> ... </@m.form>, only when docs.terraform?? (the form chosen). -->
<#import "/common/terraform.tf.ftl" as tf>

<#-- The configuration, shown whole, and where it is. -->
<#macro file doc what>
<#if doc.href??>This is ${md.link(doc.path, doc.href)}<#else>Save this as ${md.code(doc.path)}</#if>: ${what}

${md.block(doc.text, "hcl")}
</#macro>

<#-- How to apply it. -->
<#macro apply>
Put it in a folder of its own (or in your Terraform repository), and run this there with credentials for account ${md.code(aws.account)}; the provider's ${md.code("allowed_account_ids")} stops Terraform with any other account. Read the plan before you apply it:

```sh
terraform init
terraform plan -out=tfplan
terraform apply tfplan
```

Terraform keeps what it created in its state (${md.code("terraform.tfstate")}, or your backend): keep it, since ${md.code("terraform destroy")} in the same folder is how you roll this back.
</#macro>

<#-- terraform import commands for what already exists: each {address, id}. -->
<#macro imports items>
```sh
<#list items as i>
terraform import ${sh(i.address)} ${sh(i.id)}
</#list>
```
</#macro>

<#-- The Terraform form of a policy step. -->
<#macro policyForm pack>
<#local xs = tf.policiesOf(pack, docs)>
<@file docs.terraform "an " + md.code("aws_iam_policy") + " for " + (xs?size gt 1)?then("each policy", "the policy") + ", whose " + md.code("jsonencode") + " gives back exactly the JSON above."/>

<@apply/>

If ${md.code("terraform apply")} stops with ${md.code("EntityAlreadyExists")}, a policy of this name exists already: compare it as "If it already exists" says; when it is the same, let Terraform manage it instead of creating it:

<@imports xs?map(x -> {"address": "aws_iam_policy." + x.tf, "id": x.name.arn})/>

${md.code("terraform destroy")} deletes <#if xs?size gt 1>the policies<#else>the policy</#if>; IAM refuses while a role has it attached, so destroy the role step's configuration first.
</#macro>

<#-- The Terraform form of the role step. -->
<#macro roleForm>
<#local rs = tf.roles()>
<@file docs.terraform "the role" + (rs?size gt 1)?then("s", "") + " with the trust policy above (" + md.code("jsonencode") + " gives back exactly " + md.code("trust-policy.json") + "), one " + md.code("aws_iam_role_policy_attachment") + " per policy, and the policies of the earlier steps as " + md.code("data") + " sources, so the plan stops if one is missing."/>

<@apply/>

Attach policies to ${(rs?size gt 1)?then("these roles", "this role")} only with ${md.code("aws_iam_role_policy_attachment")}: listing them in the role's ${md.code("managed_policy_arns")} as well (deprecated) makes the two undo each other on every apply.

If a role of this name exists already, compare it as "If it already exists" says; to let Terraform manage it and its attachments instead of creating them:

<#local items = []>
<#list rs as r>
<#local items = items + [{"address": "aws_iam_role." + r.tf, "id": r.name?string}]>
<#list r.policies as x>
<#local items = items + [{"address": "aws_iam_role_policy_attachment." + (r.tf == x.tf)?then(r.tf, r.tf + "_" + x.tf), "id": r.name + "/" + x.name.arn}]>
</#list>
</#list>
<@imports items/>

After the import, the next apply replaces the role's trust policy with the one above, as ${md.code("update-assume-role-policy")} would (the plan shows it): save the old one first, as "If it already exists" shows.
</#macro>

<#-- The reboot: Terraform cannot do it. -->
<#macro noReboot>
Terraform does not reboot DB instances: after ${md.code("terraform apply")}, reboot the writer with the console or the AWS CLI as above. Until then the parameter group shows ${md.code("pending-reboot")} for the writer ("Check it", third command).
</#macro>

<#-- The association's notes shared by both engines: the fight with iam_roles, IAM's delay. -->
<#macro associationNotes>
- **Not with ${md.code("iam_roles")} as well.** If your own Terraform manages this cluster (${md.code("aws_rds_cluster")}), either list the role in its ${md.code("iam_roles")} or use the ${md.code("aws_rds_cluster_role_association")} here, never both: each removes what the other adds, on every apply.
<#if !p.clusterId??>
- No cluster identifier was given: Terraform asks for ${md.code("cluster_identifier")} (or give ${md.code("-var cluster_identifier=CLUSTER-ID")}).
</#if>
- A role created a moment ago can be refused with ${md.code("InvalidParameterValue")} while IAM propagates it: wait a minute and run ${md.code("terraform apply")} again.
</#macro>

<#-- The Terraform form of Aurora MySQL's association (part 1); its file also has part 2's group. -->
<#macro mysqlAssociateForm>
<#import "/common/aurora-mysql.md.ftl" as my>
<#local r = tf.roles()[0]>
<@file docs.terraform "the cluster as a variable and a " + md.code("data") + " source (the plan stops if it is missing or not Aurora MySQL), the role of the role step as a " + md.code("data") + " source, the association, and part 2's parameter group " + md.code(my.parameterGroup()) + "."/>

<@apply/>

- **No ${md.code("feature_name")}.** Aurora MySQL takes none: the association has no ${md.code("feature_name")}, which needs the AWS provider 6.13.0 or later (the file requires it; earlier providers require the argument, and Aurora MySQL rejects every value). With an older provider, add the role with the AWS CLI above, or through ${md.code("iam_roles")} on a cluster your Terraform manages. Terraform's own example, ${md.code("S3_INTEGRATION")}, is an RDS for Oracle name.
<@associationNotes/>

If the role is already associated (${md.code("DBClusterRoleAlreadyExists")}), let Terraform manage the association:

<@imports [{"address": "aws_rds_cluster_role_association." + r.tf, "id": my.cluster() + "," + r.name.arn}]/>
</#macro>

<#-- Part 2 in Terraform: the group is in part 1's file; what Terraform cannot do here. -->
<#macro mysqlGroupForm>
<#import "/common/aurora-mysql.md.ftl" as my>
Part 1's ${md.code(docs.terraform.path)} creates the custom group ${md.code(my.parameterGroup())} (family ${md.code(my.family())}) with <#list my.clusterParams() as n>${md.code(n)}<#sep>, </#list> set to the role's ARN and ${md.code("apply_method = \"pending-reboot\"")}. Terraform cannot attach it to a cluster that its configuration does not manage: after ${md.code("terraform apply")}, attach it with the third command of the AWS CLI form (${md.code("modify-db-cluster")}), or, if your Terraform manages the cluster, set ${md.code("db_cluster_parameter_group_name")} on its ${md.code("aws_rds_cluster")} to the output ${md.code("parameter_group_name")}.

If the cluster already has a custom group of its own, do not create another: run Terraform with ${md.code("-var parameter_group_name=GROUP")} (its name) and import it first. Set ${md.code("family")} and ${md.code("description")} in the file to the group's own before you do (${md.code("describe-db-cluster-parameter-groups")} shows them): RDS cannot change either once the group exists, so Terraform would plan to replace the group. Terraform then manages that group, so ${md.code("terraform destroy")} would delete it: remove it from the state (${md.code("terraform state rm aws_rds_cluster_parameter_group.aurora")}) before you destroy.

```sh
terraform import -var parameter_group_name=GROUP aws_rds_cluster_parameter_group.aurora GROUP
```
</#macro>

<#-- The Terraform form of Aurora PostgreSQL's associations. -->
<#macro pgAssociateForm>
<#import "/common/postgresql.md.ftl" as apg>
<#local rs = tf.roles()>
<@file docs.terraform "the cluster as a variable and a " + md.code("data") + " source (the plan stops if it is missing or not Aurora PostgreSQL), " + (rs?size gt 1)?then("each role", "the role") + " of the role step as a " + md.code("data") + " source, and " + (rs?size gt 1)?then("an association for each, with its", "its association, with the") + " " + md.code("feature_name") + "."/>

<@apply/>

- Aurora PostgreSQL needs the ${md.code("feature_name")}: <#list rs as r>${md.code(r.feature)} for ${md.code(r.name)}<#sep>, </#list>.
<@associationNotes/>

If a role is already associated with its feature, let Terraform manage the association:

<@imports rs?map(r -> {"address": "aws_rds_cluster_role_association." + r.tf, "id": apg.cluster + "," + r.name.arn})/>
</#macro>

<#-- The overview's Terraform form (common/aurora-iac.md.ftl's overview): the whole procedure in one configuration. -->
<#macro procedureForm>
<#local pg = tf.pg()>
<#if docs.terraform.href??>${md.link(docs.terraform.path, docs.terraform.href)}<#else>The configuration below (save it as ${md.code(docs.terraform.path)})</#if> does every step that changes AWS in one configuration: the policies, the role<#if pg>s</#if> with <#if pg>their</#if><#if !pg>its</#if> attachments, the association<#if pg>s</#if><#if !pg> and the custom DB cluster parameter group</#if>. It is built from the same blocks as each step's ${md.code("main.tf")}, with the same names and documents; here the blocks refer to each other, so Terraform creates them in order. Use it instead of the steps' Terraform files, not beside them: two states would fight over the same resources.

<#if !docs.terraform.href??>
${md.block(docs.terraform.text, "hcl")}

</#if>
<@apply/>

<#if !p.clusterId??>
No cluster identifier was given: Terraform asks for ${md.code("cluster_identifier")} (or give ${md.code("-var cluster_identifier=CLUSTER-ID")}), and the trust policy is limited to the account only.

</#if>
Terraform leaves to you:

- What each step's "Before you start" checks beyond IAM: the engine version, the route from the cluster to the services, a global database.
<#if !pg>
- Attaching the new parameter group to the cluster, and rebooting the writer: Terraform does neither for a cluster its configuration does not manage (the association step's part 2 and part 3).
</#if>
<#if steps?filter(s -> s.pack?ends_with("-database"))?has_content>
- The database steps and the end-to-end test, which run SQL<#if !pg> after the reboot</#if>.
</#if>
- Roll back: ${md.code("terraform destroy")}<#if !pg>, after the cluster is back on its previous parameter group</#if>.
</#macro>
