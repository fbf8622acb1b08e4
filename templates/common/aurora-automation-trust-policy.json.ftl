<#-- Who may assume the SSM Automation runbook's role: Systems Manager, and only for automation
     runs of this account in this Region (AWS-FACTS-INTEGRATIONS E5, against the confused deputy). -->
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Service": "ssm.amazonaws.com"
      },
      "Action": "sts:AssumeRole",
      "Condition": {
        "StringEquals": {
          "aws:SourceAccount": ${aws.account}
        },
        "ArnLike": {
          "aws:SourceArn": ${"arn:" + aws.partition + ":ssm:" + aws.region + ":" + aws.account + ":automation-execution/*"}
        }
      }
    }
  ]
}
