<#-- AWS's page grants lambda:InvokeFunction on one function, or AWSLambdaRole on "*"; here every
     function is named by its full ARN (AWS-FACTS-INTEGRATIONS.md B1). -->
<#import "/common/s3-statements.json.ftl" as s3>
{
  "Version": "2012-10-17",
  "Statement": [
<@s3.allow ["lambda:InvokeFunction"] p.lambdaFunctions?map(f -> f.arn) true/>
  ]
}
