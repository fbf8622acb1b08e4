schemaVersion: "0.3"
description: ${"Shows the zone of " + p.recordName}
mainSteps:
  - name: ShowZone
    action: aws:executeAwsApi
    inputs:
      Service: route53
      Api: GetHostedZone
      Id: ${p.zoneId}
