<#-- The whole procedure as one CloudFormation stack: every policy (each document its step's
     JSON), the role or roles with the generated trust policy and the policies by Ref, and on
     Aurora MySQL the new DB cluster parameter group naming the role. The association, attaching
     the group and the reboot stay runbook steps: no resource exists for a cluster the stack does
     not own. -->
<#import "/common/aurora-iac.yaml.ftl" as iac>
<#assign policies = iac.policies(allDocs)>
<#assign roles = iac.roles()>
<#assign hasGroup = iac.packs()?seq_contains("aurora-associate")>
<@iac.cfnHead runwright.generator + ": " + procedure + ", account " + aws.account + ", " + aws.region/>
<#list policies as x>
<@iac.cfnPolicy x/>
</#list>
<#list roles as r>
<@iac.cfnRole r allDocs.role.trustPolicy.text true/>
</#list>
<#if hasGroup>
<@iac.cfnParameterGroup roles[0].id/>
</#if>
<@iac.cfnOutputs policies roles hasGroup/>
