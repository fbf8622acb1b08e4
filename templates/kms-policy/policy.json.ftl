<#-- The policy from AWS's page, without its trailing comma. Every value goes through json()
     or ${}, which write complete JSON literals; the output is parsed and checked again. -->
<#assign actions = ["kms:Decrypt"]>
<#if p.access?seq_contains("save")><#assign actions = actions + ["kms:GenerateDataKey"]></#if>
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ${json(actions)},
      "Resource": <#if p.keys?size == 1>${p.keys[0].arn}<#else>${json(p.keys?map(k -> k.arn))}</#if>
    }
  ]
}
