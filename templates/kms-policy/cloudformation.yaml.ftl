<#-- This step as a CloudFormation template: its customer managed polic(ies), each document the
     step's own JSON (common/aurora-iac.yaml.ftl), and their ARNs as outputs. -->
<#import "/common/aurora-iac.yaml.ftl" as iac>
<#assign policies = iac.policies({"kms": docs})>
<@iac.cfnHead runwright.generator + ": " + step.title + ", account " + aws.account + ", " + aws.region/>
<#list policies as x>
<@iac.cfnPolicy x/>
</#list>
<@iac.cfnOutputs policies=policies roles=[] hasGroup=false/>
