<#-- Who may assume the role: the RDS service, and only on behalf of this account (and this
     cluster, when it is known), against the confused-deputy problem. -->
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Service": "rds.amazonaws.com"
      },
      "Action": "sts:AssumeRole",
      "Condition": {
        "StringEquals": {
          "aws:SourceAccount": ${aws.account}
        }<#if p.clusterId??>,
        "ArnLike": {
          "aws:SourceArn": ${p.clusterId.arn}
        }</#if>
      }
    }
  ]
}
