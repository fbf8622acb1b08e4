<#-- What CloudFormation can do of this step: create the new DB cluster parameter group that names
     the role. Adding the role to the cluster, attaching the group and the reboot have no resource
     for a cluster the stack does not own; the runbook keeps them as CLI and console steps. -->
<#import "/common/aurora-iac.yaml.ftl" as iac>
<@iac.cfnHead runwright.generator + ": the DB cluster parameter group of step " + step.number?c + " (" + step.title + "), account " + aws.account + ", " + aws.region/>
<@iac.cfnParameterGroup/>
<@iac.cfnOutputs policies=[] roles=[] hasGroup=true/>
