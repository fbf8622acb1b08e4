<#-- This step as a CloudFormation template: the role (one per feature on Aurora PostgreSQL) with
     the generated trust policy and the policies of the earlier steps attached by ARN. -->
<#import "/common/aurora-iac.yaml.ftl" as iac>
<#assign roles = iac.roles()>
<@iac.cfnHead runwright.generator + ": " + step.title + ", account " + aws.account + ", " + aws.region/>
<#list roles as r>
<@iac.cfnRole r docs.trustPolicy.text false/>
</#list>
<@iac.cfnOutputs policies=[] roles=roles hasGroup=false/>
