{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "route53:ChangeResourceRecordSets",
      "Resource": ${"arn:" + aws.partition + ":route53:::hostedzone/" + p.zoneId},
      "Condition": {
        "ForAllValues:StringEquals": {
          "route53:ChangeResourceRecordSetsNormalizedRecordNames": [${p.recordName}]
        }
      }
    }
  ]
}
