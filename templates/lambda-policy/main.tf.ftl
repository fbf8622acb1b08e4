<#import "/common/terraform.tf.ftl" as tf>
<@tf.policyStep "lambda-policy"/>
