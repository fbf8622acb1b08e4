<#import "/common/macros.md.ftl" as m>
<#import "/common/postgresql.md.ftl" as apg>
<#assign cluster = apg.cluster>
<#assign role = apg.dbUser>
<#assign s3 = p.buckets??>
<#assign load = s3 && p.access?seq_contains("load")>
<#assign save = s3 && p.access?seq_contains("save")>
<#assign lambda = p.lambdaFunctions??>
<#assign table = "public.runwright_s3_test">
<#if s3>
  <#assign b = p.buckets[0]>
  <#assign testKey = b.prefix + "runwright-test.csv">
  <#assign exportKey = b.prefix + "runwright-export.csv">
  <#assign testUri = "s3://" + b.bucket + "/" + testKey>
  <#assign exportUri = "s3://" + b.bucket + "/" + exportKey>
</#if>
<#assign kmsKey = (p.keys?? && p.keys?has_content)?then(p.keys[0], "")>
<#assign endpointPrefix = (aws.partition == "aws-cn")?then("cn.com.amazonaws.", "com.amazonaws.")>
<#assign services = []>
<#if s3><#assign services = services + [endpointPrefix + aws.region + ".s3"]></#if>
<#if lambda><#assign services = services + [endpointPrefix + aws.region + ".lambda"]></#if>
<#assign doing = []>
<#if load><#assign doing = doing + ["import from S3"]></#if>
<#if save><#assign doing = doing + ["export to S3"]></#if>
<#if lambda><#assign doing = doing + ["invoke Lambda"]></#if>
# Test the whole chain on the Aurora PostgreSQL cluster ${cluster}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<@apg.placeholders ["cluster", "dbUser", "database"]/>
Run this last, with the real values: it proves that the database role **${role}** can ${apg.sentence(doing)} on the cluster **${cluster}**, through every piece the previous steps set up. <#if load>It uploads a one-line CSV file to ${md.code(testUri)}, imports it into a scratch table with ${md.code("aws_s3.table_import_from_s3")}<#elseif save>It fills a scratch table with one row</#if><#if save>, exports the table to ${md.code(exportUri)} with ${md.code("aws_s3.query_export_to_s3")}</#if><#if lambda><#if s3>, </#if><#if !s3>It </#if>invokes <#if p.lambdaFunctions?size gt 1>each Lambda function<#else>the Lambda function</#if> once with ${md.code("aws_lambda.invoke")}</#if><#if s3>, then removes the table and the test objects</#if>. When every check passes, the job is done.

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "DB cluster" md.code(cluster)/>
<@m.row "Database" md.code(apg.database)/>
<@m.row "Database role under test" md.code(role)/>
<#if s3>
<@m.row "Scratch table" md.code(table)/>
</#if>
<#if load>
<@m.row "Test file" md.code(testUri)/>
<@m.row "Uploaded with" kmsKey?has_content?then("SSE-KMS, key " + md.code(kmsKey.arn), "the bucket's default encryption")/>
</#if>
<#if save>
<@m.row "Export file" md.code(exportUri)/>
</#if>
<#list p.lambdaFunctions![] as f>
<@m.row "Lambda function" md.code(f.arn)/>
</#list>

## Before you start

- Every earlier step is done: <#if links.overview??>${md.link("the whole procedure", links.overview.href)}<#else>the whole procedure</#if> lists them. In particular, <#if apg.features?size gt 1>each role<#else>the role</#if> shows ${md.code("ACTIVE")} on the cluster and the extensions are installed in ${md.code(apg.database)}.
- You need ${md.code("psql")} and the AWS CLI, and <#if s3>two passwords: the master user's (for the scratch table) and the one of ${md.code(role)}. Neither is<#else>the password of ${md.code(role)}, which is not</#if> in this runbook.
<#if s3>
- Your own AWS credentials (not the cluster's roles) must allow <#if load>${md.code("s3:PutObject")}, </#if><#if save>${md.code("s3:GetObject")}, </#if>${md.code("s3:DeleteObject")} under ${md.code(b.uri)}<#if kmsKey?has_content>, and ${md.code("kms:GenerateDataKey")} and ${md.code("kms:Decrypt")} with the key</#if>, for the test files.
</#if>

<#if s3>
**The buckets' default encryption.** The key Amazon S3 uses by default must be one the policies of this procedure allow:

```sh
<#list p.buckets as bk>
aws s3api get-bucket-encryption --region ${sh(aws.region)} --bucket ${sh(bk.bucket)} \
  --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault'
</#list>
```

- ${md.code("\"SSEAlgorithm\": \"aws:kms\"")} with a ${md.code("KMSMasterKeyID")}: that key must be <#if p.keys?? && p.keys?has_content><#if p.keys?size gt 1>one of </#if><#list p.keys as k>${md.code(k.arn)}<#sep>, </#list><#else>named in the policies, and no key was given: generate again with ${md.code("--key")} and that key's ARN</#if>. An alias there names a key; ${md.code("aws kms describe-key --key-id ALIAS --query KeyMetadata.Arn")} gives its ARN.
- ${md.code("\"aws:kms\"")} without a key ID: the AWS managed key ${md.code("aws/s3")}, which needs no KMS permission in the policies.
- ${md.code("\"AES256\"")}: S3 managed keys (SSE-S3), which need no KMS permission either.<#if save> For export, read the SSE-S3 note under *If it fails* below.</#if>

</#if>
<#if p.keys?? && p.keys?has_content>
**The key policies.** A key's own policy must let IAM policies grant its use (AWS's default key policy does, with the statement that gives ${md.code("arn:" + aws.partition + ":iam::" + aws.account + ":root")} ${md.code("kms:*")}), or name the roles of this procedure:

```sh
<#list p.keys as k>
aws kms get-key-policy --region ${sh(k.region)} --key-id ${sh(k.arn)} \
  --policy-name default --query Policy --output text
</#list>
```

<#list p.keys as k>
<#if k.account != aws.account>
Key ${md.code(k.keyId)} is in account ${md.code(k.account)}: its policy must allow the roles of account ${md.code(aws.account)} by ARN, because the IAM policies here cannot grant a key of another account on their own.

</#if>
</#list>
</#if>
**The network path.** The cluster calls <#if s3>S3</#if><#if s3 && lambda> and </#if><#if lambda>Lambda</#if> from its own subnets, over HTTPS (TCP 443). A cluster in private subnets needs a NAT gateway<#if s3>, or an S3 gateway endpoint on the route tables of its subnets</#if><#if lambda><#if s3>; for Lambda, a NAT gateway</#if> or a Lambda interface endpoint</#if>. This finds the writer's VPC, then lists its <#if services?size gt 1>endpoints for these services<#else>endpoint for this service</#if> and its route tables with a default route:

```sh
writer=$(aws rds describe-db-clusters --region ${sh(aws.region)} \
  --db-cluster-identifier ${sh(cluster)} \
  --query 'DBClusters[0].DBClusterMembers[?IsClusterWriter].DBInstanceIdentifier' \
  --output text)
vpc=$(aws rds describe-db-instances --region ${sh(aws.region)} \
  --db-instance-identifier "$writer" \
  --query 'DBInstances[0].DBSubnetGroup.VpcId' --output text)
echo "Writer $writer in $vpc"
aws ec2 describe-vpc-endpoints --region ${sh(aws.region)} \
  --filters "Name=vpc-id,Values=$vpc" ${sh("Name=service-name,Values=" + services?join(","))} \
  --query 'VpcEndpoints[].[ServiceName,VpcEndpointType,State,RouteTableIds]'
aws ec2 describe-route-tables --region ${sh(aws.region)} \
  --filters "Name=vpc-id,Values=$vpc" Name=route.destination-cidr-block,Values=0.0.0.0/0 \
  --query 'RouteTables[].[RouteTableId,Associations[].SubnetId,Routes[].NatGatewayId]'
```

<#if s3>- ${md.code(services[0])}, type ${md.code("Gateway")}, state ${md.code("available")}, with the route tables of the writer's subnets among its ${md.code("RouteTableIds")}: S3 is reachable.
</#if>
<#if lambda>- ${md.code(services?last)}, type ${md.code("Interface")}, state ${md.code("available")}: Lambda is reachable (its security group must let the cluster in on 443).
</#if>
- A route table with a ${md.code("nat-…")} gateway for the writer's subnets: everything is reachable through the NAT gateway.
- None of these: the calls below hang and then fail. Add <#if s3>an S3 gateway endpoint<#if lambda> and a Lambda interface endpoint</#if><#else>a Lambda interface endpoint</#if>, or a NAT gateway, before you test; the cluster's security groups must also allow outbound TCP 443.

<#assign sec = 0>
<#if load>
<#assign sec = sec + 1>
## ${sec}. Upload a one-line file

```sh
printf '1,runwright test\n' > runwright-test.csv
aws s3 cp runwright-test.csv ${sh(testUri)} --region ${sh(aws.region)}<#if kmsKey?has_content> \
  --sse aws:kms --sse-kms-key-id ${sh(kmsKey.arn)}</#if>
```

Expected: ${md.code("upload: ./runwright-test.csv to " + testUri)}. The object is 17 bytes; AWS's import refuses an empty (0-byte) file.

</#if>
<#if s3>
<#assign sec = sec + 1>
<#assign tableSec = sec>
## ${sec}. Create the scratch table, as the master user

In one terminal, connect as the master user and keep this session open for the clean-up:

<@apg.connect "admin"/>

```sql
CREATE TABLE public.runwright_s3_test (id integer, note text);
GRANT SELECT, INSERT ON public.runwright_s3_test TO ${pg.id(role)};
<#if !load>
INSERT INTO public.runwright_s3_test VALUES (1, 'runwright test');
</#if>
```

If ${md.code("CREATE TABLE")} says ${md.code("permission denied for schema public")} (PostgreSQL 15 and later let only the database owner create there), create it in a schema the master user owns and use that name everywhere below.

</#if>
<#assign sec = sec + 1>
## ${sec}. Connect as ${role}

<#if s3>In a second terminal, connect<#else>Connect</#if> as the role under test, so that the test also proves its grants:

<@apg.connect "dbUser"/>

<#if load>
<#assign sec = sec + 1>
## ${sec}. Import the file

```sql
SELECT aws_s3.table_import_from_s3(
  ${pg.str(table)}, 'id,note', '(format csv)',
  aws_commons.create_s3_uri(${pg.str(b.bucket)}, ${pg.str(testKey)}, ${pg.str(aws.region)})
);
SELECT * FROM public.runwright_s3_test;
```

The first statement returns one line of text saying that 1 row was imported into ${md.code("runwright_s3_test")} from ${md.code(testKey)} (17 bytes); the second shows the row:

```text
 id |      note
----+----------------
  1 | runwright test
(1 row)
```

The same import with the bucket, file path and Region as arguments of their own (AWS's "alternate syntax"; run one or the other, not both):

```sql
SELECT aws_s3.table_import_from_s3(
  ${pg.str(table)}, 'id,note', '(format csv)',
  ${pg.str(b.bucket)}, ${pg.str(testKey)}, ${pg.str(aws.region)}
);
```

AWS's reference also shows both forms with AWS access keys instead of the role: ${md.code("aws_commons.create_aws_credentials(access_key, secret_key, session_token)")}, or the three as trailing arguments (its prose calls the second one ${md.code("session_key")}; the parameter is ${md.code("secret_key")}). Do not use them here: keys written into SQL land in shell histories and can land in the server's logs, and the test would no longer prove the role.

</#if>
<#if save>
<#assign sec = sec + 1>
## ${sec}. Export the table

```sql
SELECT * FROM aws_s3.query_export_to_s3(
  ${pg.str("SELECT * FROM " + table)},
  aws_commons.create_s3_uri(${pg.str(b.bucket)}, ${pg.str(exportKey)}, ${pg.str(aws.region)}),
  options := 'format csv'
);
```

Expected:

```text
 rows_uploaded | files_uploaded | bytes_uploaded
---------------+----------------+----------------
             1 |              1 |             17
(1 row)
```

Then, in a shell, see the file, its encryption and its content:

```sh
aws s3 ls ${sh(exportUri)} --region ${sh(aws.region)}
aws s3api head-object --region ${sh(aws.region)} --bucket ${sh(b.bucket)} \
  --key ${sh(exportKey)} --query '[ServerSideEncryption,SSEKMSKeyId]'
aws s3 cp ${sh(exportUri)} - --region ${sh(aws.region)}
```

The second shows the encryption S3 applied (${md.code("aws:kms")} and a key ARN, or ${md.code("AES256")}); the last prints ${md.code("1,runwright test")}. An export overwrites a file of the same name, so the test can be run again.

<#if kmsKey?has_content>
AWS's export page says an export is encrypted with the AWS managed key unless you name a customer managed key. Its current function reference adds a fourth argument for that, ${md.code("kms_key")}; this runbook has not been able to confirm which versions of the ${md.code("aws_s3")} extension have it (psql's ${md.code("\\df aws_s3.query_export_to_s3")} lists the forms yours has). Where it exists, the export with the key is:

```sql
SELECT * FROM aws_s3.query_export_to_s3(
  ${pg.str("SELECT * FROM " + table)},
  aws_commons.create_s3_uri(${pg.str(b.bucket)}, ${pg.str(exportKey)}, ${pg.str(aws.region)}),
  options := 'format csv', kms_key := ${pg.str(kmsKey.arn)}
);
```

</#if>
</#if>
<#if lambda>
<#assign sec = sec + 1>
## ${sec}. Invoke <#if p.lambdaFunctions?size gt 1>each Lambda function<#else>the Lambda function</#if>

This really runs the function, with the payload ${md.code("{\"ping\":true}")}; if it acts on what it receives, give it a payload it treats as harmless, or first check the permission alone with the ${md.code("'DryRun'")} form below.

```sql
<#list p.lambdaFunctions as f>
SELECT * FROM aws_lambda.invoke(
  aws_commons.create_lambda_function_arn(${pg.str(f.arn)}),
  ${pg.str("{\"ping\":true}")}::json
);
</#list>
```

Expected<#if p.lambdaFunctions?size gt 1> for each</#if>: ${md.code("status_code")} ${md.code("200")}, the function's response in ${md.code("payload")}, and the version that ran in ${md.code("executed_version")}.

The permission check without running the function (invocation type ${md.code("DryRun")}; expected ${md.code("status_code")} ${md.code("204")}):

```sql
<#list p.lambdaFunctions as f>
SELECT status_code FROM aws_lambda.invoke(
  aws_commons.create_lambda_function_arn(${pg.str(f.arn)}),
  ${pg.str("{\"ping\":true}")}::json, 'DryRun'
);
</#list>
```

</#if>
## Clean up

End the session of ${md.code(role)} (${md.code("\\q")}).<#if s3> In the master user's session, remove the scratch table, then end it:

```sql
DROP TABLE public.runwright_s3_test;
\q
```

In a shell, remove the test objects and the local file:

```sh
<#if load>
aws s3 rm ${sh(testUri)} --region ${sh(aws.region)}
</#if>
<#if save>
aws s3 rm ${sh(exportUri)} --region ${sh(aws.region)}
</#if>
<#if load>
rm -f runwright-test.csv
</#if>
```

If the bucket keeps versions, ${md.code("aws s3 rm")} leaves earlier versions behind a delete marker; remove them too if your rules ask for it (${md.code("aws s3api list-object-versions")} lists them).</#if>

## If it fails

<#if s3>
- ${md.code("schema \"aws_s3\" does not exist")}, or ${md.code("function aws_s3.… does not exist")}: the extension is not installed in this database (it is per database): ${apg.stepLink("aurora-postgresql-database", "the database step")}.
- ${md.code("permission denied for schema aws_s3")}, ${md.code("… for schema aws_commons")} or ${md.code("… for function …")}: the grants of ${apg.stepLink("aurora-postgresql-database", "the database step")} are missing for ${md.code(role)}.
- ${md.code("permission denied for table runwright_s3_test")}: the ${md.code("GRANT")} of part ${tableSec}.
</#if>
<#if load>
- The import is refused by S3 (the messages seen for this, such as ${md.code("Unable to generate pre-signed url, look at engine log for details")} or an HTTP 403, vary with the extension's version and are not in AWS's pages; the writer's PostgreSQL log has the detail). In this order:
  1. The role ${md.code(p.s3ImportRoleName)} is not ${md.code("ACTIVE")} with the feature ${md.code("s3Import")}: the check of ${apg.stepLink("aurora-postgresql-associate", "the association step")}.
  2. Its policy ${md.code(p.s3ImportPolicyName)} does not cover the object: it must be attached to the role, and the object must be under ${md.code(b.uri)} (${apg.stepLink("s3-policy", "the S3 policy step")}).
  3. The object is encrypted with a KMS key that the policy does not name, or whose key policy does not allow it: the checks of the keys and the default encryption above.
  4. The bucket is in another account: its bucket policy must also allow the role.
- ${md.code("HTTP 416")} (seen as ${md.code("Unable to validate pre-signed URL")}): the file is empty. AWS: "Importing 0 bytes file will cause an error".
</#if>
<#if save>
- The export is refused: the role ${md.code(p.s3ExportRoleName)} must be ${md.code("ACTIVE")} with the feature ${md.code("s3Export")}, and its policy ${md.code(p.s3ExportPolicyName)} must allow ${md.code("s3:PutObject")} under ${md.code(b.uri)}<#if kmsKey?has_content> and ${md.code("kms:GenerateDataKey")} with the bucket's key</#if>. AWS does not support exports to another account's bucket, nor to a bucket in another Region than the cluster.
- **SSE-S3 buckets (not confirmed).** AWS's current export page says "buckets encrypted with Amazon S3 managed keys (SSE-S3) are not supported". Amazon S3 encrypts every bucket with SSE-S3 by default, so read literally that would rule out most buckets, and this runbook could not confirm it. If an export to a bucket whose default encryption is ${md.code("AES256")} fails while the role and policy check out, this is the likely cause: give the bucket an SSE-KMS default key that the export policy allows, and test again.
</#if>
<#if s3>
- The call hangs, then fails with a timeout or a connection error: the cluster cannot reach S3. See *The network path* above: a NAT gateway or an S3 gateway endpoint on the writer's subnets' route tables, and outbound TCP 443 in its security groups.
</#if>
<#if lambda>
- ${md.code("invoke API failed")} with ${md.code("Unable to connect to endpoint")}: the cluster cannot reach Lambda: outbound TCP 443, and a NAT gateway or a Lambda interface endpoint (*The network path* above).
- An access error naming ${md.code("lambda:InvokeFunction")}: the role ${md.code(p.lambdaRoleName)} must be ${md.code("ACTIVE")} with the feature ${md.code("Lambda")}, and the Lambda policy must name the function's ARN exactly as it is called here (a version or alias is part of it): ${apg.stepLink("lambda-policy", "the Lambda policy step")}.
- ${md.code("lambda invocation failed")} with ${md.code("returned error \"Unhandled\"")}: the function ran and threw an error of its own. The chain works; the function's CloudWatch logs say why.
</#if>
- A role shows ${md.code("INVALID")} on the cluster: it cannot be assumed, which is its trust policy (${apg.stepLink("aurora-role", "the role step")}).

## When it passes

The job is done: on the cluster ${md.code(cluster)}, the role ${md.code(role)} can <#if load>import from <#list p.buckets as bk>${md.code(bk.uri)}<@apg.sep bk?index p.buckets?size/></#list></#if><#if load && save><#if lambda>, <#else> and </#if></#if><#if save>export to <#list p.buckets as bk>${md.code(bk.uri)}<@apg.sep bk?index p.buckets?size/></#list></#if><#if s3 && lambda> and </#if><#if lambda>invoke <#list p.lambdaFunctions as f>${md.code(f.name + f.qualifier?has_content?then(":" + f.qualifier, ""))}<@apg.sep f?index p.lambdaFunctions?size/></#list></#if>. Another role gets the same with the grants of the database step; another database, with that step run in it.

## Next

<@m.stepLinks/>

## About this runbook

${runwright.generator} wrote it from AWS's <@apg.pages load save lambda/>, as one test with the values filled in, and with these defects corrected:

<#if load>
- The import reference's alternate syntax says "use the combination of the ${md.code("access_key")}, ${md.code("session_key")}, and ${md.code("session_token")} parameters", but the function's parameter is ${md.code("secret_key")}.
</#if>
<#if save>
- The export page's statement that SSE-S3 buckets are not supported is flagged above as unconfirmed, not repeated as fact.
</#if>
<#if lambda>
- The Lambda page's first invocation passes the Region ${md.code("us-west-1")} next to an ARN that names another Region; here the function's ARN alone says where it is. Its log example (${md.code("SELECT *, select convert_from(…)")}) has a second ${md.code("select")}, a syntax error.
</#if>
- The pages test nothing end to end and clean nothing up; they run every example as ${md.code("rds_superuser")}, which hides missing grants. This test runs as the role that will do the work.
