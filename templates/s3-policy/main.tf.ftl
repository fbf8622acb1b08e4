<#import "/common/terraform.tf.ftl" as tf>
<@tf.policyStep "s3-policy"/>
