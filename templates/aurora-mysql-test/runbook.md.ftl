<#import "/common/macros.md.ftl" as m>
<#import "/common/aurora-mysql.md.ftl" as my>
<#assign cluster = my.cluster()>
<#assign v3 = my.v3()>
<#assign hasS3 = p.buckets??>
<#assign hasLambda = p.lambdaFunctions??>
<#assign load = hasS3 && p.access?seq_contains("load")>
<#assign save = hasS3 && p.access?seq_contains("save")>
<#assign user = my.dbUserText()>
<#assign slug = p.clusterId???then(p.clusterId?string, "aurora")>
<#if hasS3>
  <#assign loc = p.buckets[0]>
  <#-- The test objects go inside the first location: in its folder, or after its prefix with a
       slash (a key that starts with the prefix is inside it either way). -->
  <#assign keyPrefix = loc.prefix + loc.folder?then("", "/")>
  <#assign localFile = "runwright-test-" + slug + ".csv">
  <#assign objectKey = keyPrefix + localFile>
  <#assign objectUri = "s3://" + loc.bucket + "/" + objectKey>
  <#assign exportKey = keyPrefix + "runwright-test-" + slug + "-export">
  <#assign exportUri = "s3://" + loc.bucket + "/" + exportKey>
  <#assign partKey = exportKey + ".part_00000">
  <#assign database = p.database!"<your-database>">
  <#-- The scratch table, both names quoted for MySQL (a database name with a hyphen needs it). -->
  <#assign table = (mysql.id(database)?markup_string + "." + mysql.id("runwright_test")?markup_string)?no_esc>
</#if>
<#-- The KMS key the test file is encrypted with: the first key, when there is a file to test. -->
<#assign key = (hasS3 && p.keys??)?then(p.keys[0], "")>
<#assign hasKey = key?has_content>
<#-- The Aurora MySQL 3 roles the account uses here. -->
<#assign roles = [load?then("AWS_LOAD_S3_ACCESS", ""), save?then("AWS_SELECT_S3_ACCESS", ""), hasLambda?then("AWS_LAMBDA_ACCESS", "")]?filter(r -> r?has_content)>
<#assign manyRoles = roles?size gt 1>
<#assign rights = v3?then(manyRoles?then("roles", "role"), manyRoles?then("privileges", "privilege"))>
<#-- What a passing test showed, for "When it passes". -->
<#assign passed = []>
<#if load><#assign passed = passed + ["the file loaded, its row reads back and the load is in the history"]></#if>
<#if save><#assign passed = passed + ["the row was saved to S3"]></#if>
<#if hasLambda><#assign passed = passed + [(p.lambdaFunctions?size gt 1)?then("every function answered", "the function answered")]></#if>
# Test the whole chain on the Aurora MySQL cluster ${cluster}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<#if !p.clusterId?? || !p.dbUser?? || (hasS3 && !p.database??)>
> **Placeholder:**<#if !p.clusterId??> no cluster identifier was given, so ${md.code("<your-cluster-id>")} stands for it below; generate again with ${md.code("--cluster-id")} (${md.code("clusterId")}) to fill it in.</#if><#if !p.dbUser??> No database user was given, so ${md.code("<your-db-user>")} stands for the account that loads and saves: in SQL replace it with the account as ${md.code("'name'@'host'")} (for example ${md.code("'loader'@'10.0.%'")}), in the ${md.code("mysql")} command with its name only; generate again with ${md.code("--db-user")} (${md.code("dbUser")}).</#if><#if hasS3 && !p.database??> No database was given, so ${md.code("<your-database>")} stands for the database (schema) the scratch table goes in: replace the text inside the backticks, keeping them; generate again with ${md.code("--database")} (${md.code("database")}).</#if>

</#if>
This is the last step. With the real values, it <#if load>puts a one-line file in S3 and loads it into a scratch table</#if><#if load && save>, then </#if><#if save>saves a row back to S3</#if><#if hasS3 && hasLambda>, and </#if><#if hasLambda>calls the Lambda function<#if p.lambdaFunctions?size gt 1>s</#if></#if>, as the database account ${md.code(user)}, the way your own jobs will run<#if hasS3>; then it removes everything it made</#if>. Each statement exercises the whole chain at once: the <#if hasS3>S3 policy</#if><#if hasS3 && (hasKey || hasLambda)>, </#if><#if hasKey>KMS policy and key policy</#if><#if hasKey && hasLambda>, </#if><#if hasLambda>Lambda policy</#if>, the role and its trust, the association and cluster parameter, the network route, and the account's ${rights}. If a statement fails, "If it fails" below says which step to look at. **When every check shows what it should, the whole job is done.**

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "DB cluster" md.code(cluster)/>
<@m.row "Database account" md.code(user)/>
<#if hasS3>
<@m.row "S3 location tested" md.code(loc.uri) + (p.buckets?size gt 1)?then(" (the first of " + p.buckets?size + ")", "")/>
<#if load>
<@m.row "Test file" md.code(objectUri)/>
</#if>
<#if save>
<@m.row "Export prefix" md.code(exportUri)/>
</#if>
<#if hasKey>
<@m.row "KMS key of the test file" md.code(key.arn)/>
</#if>
<@m.row "Scratch table" md.code(database + ".runwright_test")/>
</#if>
<#if hasLambda>
<#list p.lambdaFunctions as f>
<@m.row "Lambda function" md.code(f.arn)/>
</#list>
</#if>

## Before you start

- Every earlier step is done, and the association's "Check it" shows the role ${md.code("ACTIVE")} and the writer ${md.code("in-sync")}: <@my.stepRef "aurora-associate" "the association runbook"/>. The account has its ${rights}<#if v3>, active</#if>: <@my.stepRef "aurora-mysql-database" "the database runbook"/>.
- A MySQL client that reaches the writer endpoint<#if p.dbUser?? && p.dbUser.mysqlHost != "%">, on a host that the account's host part ${md.code(p.dbUser.mysqlHost)} admits (MySQL matches it against the address the session comes from)</#if>, <#if hasS3>the master user's password, </#if>and the account's password. <#if hasS3>The test uses two sessions: the master user's, which makes and removes the scratch table, and the account's, which runs <#if load>the load</#if><#if load && save> and </#if><#if save>the save</#if><#if hasLambda> and the Lambda call</#if> as your own jobs will.<#else>The test runs in a session of the account, as your own jobs will.</#if>
<#if hasS3>
- Credentials for account ${md.code(aws.account)} that may put, read and delete objects in ${md.code(loc.uri)}<#if hasKey> and use the key ${md.code(key.keyId)} (${md.code("kms:GenerateDataKey")} and ${md.code("kms:Decrypt")})</#if>, for the ${md.code("aws s3")} commands.
</#if>
<#if hasKey>
- The bucket's default encryption; the test file is encrypted with the key below, which should be the one the bucket's own objects use:

  ```sh
  aws s3api get-bucket-encryption --region ${sh(aws.region)} ${opt("--bucket", loc.bucket)} \
    --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault'
  ```

  ${md.code("\"SSEAlgorithm\": \"aws:kms\"")} with ${md.code("KMSMasterKeyID")} ${md.code(key.arn)} (or its key ID): as below. Another of this runbook's keys: put that key's ARN in the ${md.code("aws s3 cp")} command. ${md.code("AES256")} (SSE-S3): the bucket needs no KMS key, and you may leave out ${md.code("--sse")} and ${md.code("--sse-kms-key-id")}.
</#if>
<#if hasLambda>
- The test calls each function for real, with the payload ${md.code("{\"ping\":true}")}. Make sure that does no harm (a function with side effects should ignore a ping), or call it with a payload it expects.
</#if>
<#if hasS3>

## Part 1: set up the scratch table<#if load> and the test file</#if>

<#if load>
Make a one-line CSV file and upload it into the location<#if hasKey>, encrypted with the KMS key</#if>:

```sh
printf '%s\n' '1,runwright test row' > ${sh(localFile)}
aws s3 cp ${sh(localFile)} ${sh(objectUri)} \
  --region ${sh(aws.region)}<#if hasKey> \
  --sse aws:kms --sse-kms-key-id ${sh(key.arn)}</#if>
aws s3api head-object --region ${sh(aws.region)} ${opt("--bucket", loc.bucket)} ${opt("--key", objectKey)} \
  --query '[ContentLength,ServerSideEncryption,SSEKMSKeyId]'
```

The last command prints ${md.code("21")} (the file's bytes)<#if hasKey>, ${md.code("\"aws:kms\"")} and ${md.code(key.arn)}<#else> and the object's encryption (${md.code("\"AES256\"")} for SSE-S3)</#if>.

</#if>
Open a session as the master user:

<@my.connect "master"/>

and make the scratch table, which the account may fill and read:

```sql
CREATE TABLE ${table} (id INT PRIMARY KEY, note VARCHAR(100));
GRANT SELECT, INSERT ON ${table} TO <@my.dbUserSql/>;
<#if !load>
INSERT INTO ${table} (id, note) VALUES (1, 'runwright test row');
</#if>
```

${md.code("ERROR 1050 (42S01): Table 'runwright_test' already exists")} is left from an earlier try: remove it with the ${md.code("REVOKE")} and ${md.code("DROP TABLE")} of part 3, then run this again. Keep this session open.
</#if>

## Part <#if hasS3>2<#else>1</#if>: run it as the account

Open <#if hasS3>a second session<#else>a session</#if>, as the account:

<@my.connect "user"/>

<#if v3>
First check that its ${rights} <#if manyRoles>are<#else>is</#if> active:

```sql
SELECT CURRENT_ROLE();
```

It shows <@my.andList roles?map(r -> md.code("`" + r + "`@`%`"))/>. ${md.code("NONE")}: <#if manyRoles>the roles are<#else>the role is</#if> not active (see <@my.stepRef "aurora-mysql-database" "the database runbook"/>); in this session ${md.code("SET ROLE ALL;")} activates <#if manyRoles>them<#else>it</#if> for now.

</#if>
<#if load>
Load the file into the scratch table and read it back:

```sql
LOAD DATA FROM S3 FILE ${mysql.str(objectUri)}
  INTO TABLE ${table}
  FIELDS TERMINATED BY ','
  LINES TERMINATED BY '\n'
  (id, note);
SELECT id, note FROM ${table};
```

The load answers ${md.code("Query OK, 1 row affected")}, and the ${md.code("SELECT")} shows the row ${md.code("1")}, ${md.code("runwright test row")}.

</#if>
<#if save>
Save the table's row back to S3:

```sql
SELECT id, note FROM ${table}
  INTO OUTFILE S3 ${mysql.str(exportUri)}
  FIELDS TERMINATED BY ','
  LINES TERMINATED BY '\n'
  OVERWRITE ON;
```

${md.code("OVERWRITE ON")} lets the test run again: without it the statement fails when files with the prefix exist already (replacing them is what the policy's ${md.code("s3:DeleteObject")} is for). Then, in a shell, list what it wrote:

```sh
aws s3 ls ${sh(exportUri)} --region ${sh(aws.region)}
```

It lists one file, ${md.code(partKey?contains("/")?then(partKey?keep_after_last("/"), partKey))}, of 21 bytes (Aurora names the parts ${md.code(".part_00000")}, ${md.code(".part_00001")}, …; one row makes one part).

</#if>
<#if hasLambda>
Call <#if p.lambdaFunctions?size gt 1>each function<#else>the function</#if> and wait for <#if p.lambdaFunctions?size gt 1>its<#else>the</#if> answer:

```sql
<#list p.lambdaFunctions as f>
SELECT lambda_sync(${mysql.str(f.arn)}, '{"ping":true}');
</#list>
```

<#if p.lambdaFunctions?size gt 1>Each returns its function's<#else>It returns the function's</#if> response as JSON. The test uses ${md.code("lambda_sync")}, which waits for the result; ${md.code("lambda_async")} only queues the call and returns no result to check.

</#if>
<#if hasS3>
## Part 3: <#if load>check the load history and </#if>clean up

<#if load>
In the master user's session, the load is in Aurora's history:

```sql
SELECT load_prefix, file_name, bytes_loaded, load_timestamp
  FROM mysql.aurora_s3_load_history
  WHERE load_prefix = ${mysql.str(objectUri)}
  ORDER BY load_timestamp DESC;
```

Its newest row shows the file with ${md.code("bytes_loaded")} ${md.code("21")}. Aurora MySQL 2 and 3 both keep this table in the ${md.code("mysql")} schema.

</#if>
Remove the scratch table, in the master user's session:

```sql
REVOKE SELECT, INSERT ON ${table} FROM <@my.dbUserSql/>;
DROP TABLE ${table};
```

(The ${md.code("REVOKE")} comes first: MySQL keeps a table's grants after the table is dropped.) Then remove the test object<#if load && save>s</#if><#if load> and the local file</#if>:

```sh
<#if load>
aws s3 rm ${sh(objectUri)} --region ${sh(aws.region)}
</#if>
<#if save>
aws s3 rm ${sh("s3://" + loc.bucket + "/" + partKey)} --region ${sh(aws.region)}
</#if>
<#if load>
rm -f ${sh(localFile)}
</#if>
```

</#if>
## If it fails

| What you see | What it means | What fixes it |
|---|---|---|
<#if hasS3>
| ${md.code("ERROR 1871 (HY000): S3 API returned error: Network Connection")} | The cluster has no route to S3. | An S3 gateway endpoint on the route tables of the cluster's subnets, or a NAT gateway: the network check of <@my.stepRef "aurora-associate" "the association runbook"/>. |
| ${md.code("ERROR 1815 (HY000): Internal error: Unable to initialize S3Stream")} | Aurora could not start the transfer: no role is in effect for S3, or no network. | The parameter is set and the writer rebooted (${md.code("in-sync")}): parts 2 and 3 of <@my.stepRef "aurora-associate" "the association runbook"/>; then the network, as above. |
| ${md.code("S3 API returned error: Access Denied")}<#if hasKey>, on an object that is not encrypted with a KMS key of this runbook</#if> | The role may not use the object or bucket. | The S3 policy covers ${md.code(loc.uri)} for <#if load && save>reading and writing<#elseif save>writing<#else>reading</#if> (<@my.stepRef "s3-policy" "the S3 policy runbook"/>) and is attached to the role (<@my.stepRef "aurora-role" "the role runbook"/>, ${md.code("list-attached-role-policies")}); no bucket policy denies the role.<#if !hasKey> If the bucket encrypts with a customer managed KMS key, give that key in ${md.code("keys")} and generate again: the KMS policy step is then added.</#if> |
<#if hasKey>
| ${md.code("S3 API returned error: Access Denied")}, on an object encrypted with the KMS key (SSE-KMS) | The role may not use the key: the KMS policy lacks it (${md.code("kms:Decrypt")} to load<#if save>, ${md.code("kms:GenerateDataKey")} to save</#if>), or the key policy does not let IAM policies of account ${md.code(aws.account)} grant it. | The KMS policy (<@my.stepRef "kms-policy" "the KMS policy runbook"/>) is attached to the role, and the key policy allows it (${md.code("aws kms get-key-policy --policy-name default")}, its "Before you start").<#if !v3> On Aurora MySQL 2, AWS supports customer managed keys for S3 only from version 3.05: upgrade.</#if> |
</#if>
</#if>
<#if hasLambda>
| ${md.code("ERROR 1873 (HY000): Lambda API returned error: Network Connection. Unable to connect to endpoint")} | The cluster has no route to Lambda. | A Lambda interface endpoint in the cluster's VPC, or a NAT gateway: <@my.stepRef "aurora-associate" "the association runbook"/>. |
| An access error from ${md.code("lambda_sync")} (the Lambda API answers Access Denied) | The role may not invoke the function, or no role is named for Lambda. | The Lambda policy names the function's ARN (<@my.stepRef "lambda-policy" "the Lambda policy runbook"/>) and is attached to the role; ${md.code("aws_default_lambda_role")} is set and the writer rebooted (<@my.stepRef "aurora-associate" "the association runbook"/>). |
</#if>
| The role shows ${md.code("INVALID")} in the association's "Check it" | Aurora cannot assume the role. | The role's trust policy trusts ${md.code("rds.amazonaws.com")} for this account<#if p.clusterId??> and ${md.code(p.clusterId.arn)}</#if>: <@my.stepRef "aurora-role" "the role runbook"/>. |
| ${md.code("ERROR 1227 (42000): Access denied; you need (at least one of) the … privilege(s) for this operation")} | The account lacks the ${rights}<#if v3>, or <#if manyRoles>they are<#else>it is</#if> not active in the session</#if>. | See <@my.stepRef "aurora-mysql-database" "the database runbook"/><#if v3>; ${md.code("SELECT CURRENT_ROLE();")} must not be ${md.code("NONE")}</#if>. |
<#if hasS3>
| ${md.code("ERROR 1142 (42000): INSERT command denied")} (or ${md.code("SELECT")}) on ${md.code("runwright_test")} | The account may not write or read the scratch table. | The ${md.code("GRANT SELECT, INSERT")} of part 1 of this runbook, run by the master user. |
</#if>

## When it passes

${passed?join("; ")?cap_first}. The cluster ${md.code(cluster)} can now <#if load>load from S3</#if><#if load && save> and </#if><#if save>save to S3</#if><#if hasS3 && hasLambda> and </#if><#if hasLambda>call Lambda</#if> as ${md.code(user)}: **the whole job is done.** Other accounts need only <@my.stepRef "aurora-mysql-database" "the database runbook"/> for themselves<#if hasS3>; other S3 locations only need to be in the S3 policy</#if>. To undo everything, follow the steps' roll backs from the last step to the first.

## Next

<@m.stepLinks/>

## About this runbook

${runwright.generator} wrote it from <@my.awsPages load save hasLambda/>, and the network errors of ${md.link("Enabling network communication from Amazon Aurora to other AWS services", aws.auroraGuideUrl + "AuroraMySQL.Integrating.Authorizing.Network.html")}, with their mistakes corrected:

<#if hasS3>
- The load example's text names the file ${md.code("customerdata.txt")} and the prefix ${md.code("employee-data")} while its statements load ${md.code("customerdata.csv")} and ${md.code("employee_data")}; here the file uploaded is the file loaded.
- Its table ${md.code("store-schema.customer-table")} is not a valid MySQL name without backticks (the hyphens); every name here is quoted, as ${md.code("`store-schema`.`customer-table`")} would have to be.
- Its ${md.code("LOAD XML")} syntax leaves out ${md.code("FILE")} and ${md.code("PREFIX")}, which its parameter list documents; and its manifest example lists one file twice, once mandatory and once not.
</#if>
<#if hasLambda>
- The Lambda page says ${md.code("lambda_async")} returns the function's result; it uses the ${md.code("Event")} invocation type, which returns none, so the test calls ${md.code("lambda_sync")}. Its older example quotes names with single quotes (${md.code("'Customer_Feedback'")}), which MySQL reads as strings; names take backticks.
</#if>
- The pages stop at the grants; they never test the chain end to end or say which setting each error points to.
