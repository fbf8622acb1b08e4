AWSTemplateFormatVersion: "2010-09-09"
Description: ${"The record set " + p.recordName}
Resources:
  Record:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: ${p.zoneId}
      Name: ${p.recordName}
      Type: CNAME
      TTL: "300"
      ResourceRecords:
        - "target.example.com"
