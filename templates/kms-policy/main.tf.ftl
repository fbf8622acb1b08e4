<#import "/common/terraform.tf.ftl" as tf>
<@tf.policyStep "kms-policy"/>
