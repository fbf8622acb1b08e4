<#import "/common/terraform.tf.ftl" as tf>
<@tf.roleStep/>
