<#-- The whole procedure as one Terraform configuration, from the same blocks as the steps. -->
<#import "/common/terraform.tf.ftl" as tf>
<@tf.procedureFile/>
