<#import "/common/macros.md.ftl" as m>
<#import "/common/aurora-mysql.md.ftl" as my>
<#assign cluster = my.cluster()>
<#assign v3 = my.v3()>
<#assign family = my.family()>
<#assign hasS3 = p.buckets??>
<#assign hasLambda = p.lambdaFunctions??>
<#assign load = hasS3 && p.access?seq_contains("load")>
<#assign save = hasS3 && p.access?seq_contains("save")>
<#assign user = my.dbUserText()>
<#assign dbGroup = p.clusterId???then(p.clusterId?string + "-instances", "<your-db-parameter-group>")>
<#-- What each feature needs: the Aurora MySQL 3 role, or the Aurora MySQL 2 privilege. These are
     the template's own SQL keywords, not values, so the SQL blocks write them with ?no_esc. -->
<#assign grants = []>
<#if load><#assign grants = grants + [{"role": "AWS_LOAD_S3_ACCESS", "priv": "LOAD FROM S3", "for": "LOAD DATA FROM S3 and LOAD XML FROM S3"}]></#if>
<#if save><#assign grants = grants + [{"role": "AWS_SELECT_S3_ACCESS", "priv": "SELECT INTO S3", "for": "SELECT INTO OUTFILE S3"}]></#if>
<#if hasLambda><#assign grants = grants + [{"role": "AWS_LAMBDA_ACCESS", "priv": "INVOKE LAMBDA", "for": "lambda_sync and lambda_async"}]></#if>
<#assign roleList = grants?map(g -> g.role)?join(", ")>
<#assign many = grants?size gt 1>
<#-- Singular or plural: "role"/"roles" on version 3, "privilege"/"privileges" on version 2. -->
<#assign kind = v3?then("role", "privilege") + many?then("s", "")>
<#assign pageCount = [load, save, hasLambda]?filter(b -> b)?size>
# Grant ${user} the use of <#if hasS3>S3</#if><#if hasS3 && hasLambda> and </#if><#if hasLambda>Lambda</#if> on the Aurora MySQL cluster ${cluster}

Step ${step.number} of ${step.total} · account ${md.code(aws.account)} · ${aws.region} (${aws.regionName})

<#if !p.clusterId?? || !p.dbUser??>
> **Placeholder:**<#if !p.clusterId??> no cluster identifier was given, so ${md.code("<your-cluster-id>")} stands for it below; generate again with ${md.code("--cluster-id")} (${md.code("clusterId")}) to fill it in.<#if v3> ${md.code("<your-db-parameter-group>")} stands for the DB parameter group of the cluster's instances (Runwright would name a new one after the cluster, ${md.code("CLUSTER-ID-instances")}).</#if></#if><#if !p.dbUser??> No database user was given, so ${md.code("<your-db-user>")} stands for the account that loads and saves: in SQL replace it with the account as ${md.code("'name'@'host'")} (for example ${md.code("'loader'@'10.0.%'")}), in the ${md.code("mysql")} command with its name only; generate again with ${md.code("--db-user")} (${md.code("dbUser")}) to fill it in.</#if>

</#if>
Aurora MySQL checks two things before it reads or writes S3 (or calls Lambda) for a statement: that the cluster may use the role (the previous steps), and that the database account running the statement may use the feature. This runbook gives the account ${md.code(user)} that second permission<#if v3>, as the Aurora MySQL 3 role<#if grants?size gt 1>s</#if> <@my.andList grants?map(g -> md.code(g.role))/>, and makes <#if grants?size gt 1>them</#if><#if grants?size == 1>it</#if> active in the account's sessions<#else>, as the Aurora MySQL 2 privilege<#if grants?size gt 1>s</#if> <@my.andList grants?map(g -> md.code(g.priv))/></#if>. The cluster's master user has <#if many>these ${kind}<#else>this ${kind}</#if> already; every other account needs <#if many>them<#else>it</#if> granted.

## Values

| Setting | Value |
|---|---|
<@m.row "AWS account" md.code(aws.account)/>
<@m.row "Region" md.code(aws.region) + " (" + aws.regionName + ")"/>
<@m.row "DB cluster" md.code(cluster)/>
<@m.row "Aurora MySQL version" p.auroraMysqlVersion?string + v3?then(" (MySQL 8.0 compatible)", " (MySQL 5.7 compatible)")/>
<@m.row "Database account" md.code(user)/>
<#list grants as g>
<@m.row v3?then("Role", "Privilege") + " for " + g.for v3?then(md.code(g.role), md.code(g.priv + " ON *.*"))/>
</#list>

## Before you start

- The role is associated and named in the cluster parameter<#if hasS3 && hasLambda>s</#if>, and the writer has been rebooted: <@my.stepRef "aurora-associate" "the association runbook"/>.
- You need a MySQL client (${md.code("mysql --version")}; MySQL 8.0's client, or MariaDB's) on a host that can reach the cluster's writer endpoint on its port (3306 unless changed), and the master user's password. If the cluster keeps that password in AWS Secrets Manager, its secret is the ${md.code("MasterUserSecret")} of ${md.code("aws rds describe-db-clusters")}; this runbook never shows a password, and the client asks for it.
- **Binary log replicas.** <#if many>These ${kind} are<#else>This ${kind} is</#if> Aurora's own. If the cluster writes a binary log that a MySQL database outside Aurora replicates, the ${md.code("GRANT")} below reaches that replica, which does not know <#if many>them<#else>it</#if>, and its replication stops with an error. Check first, on the writer:

  ```sql
  SELECT @@GLOBAL.log_bin;
  <#if v3>SHOW REPLICAS;<#else>SHOW SLAVE HOSTS;</#if>
  ```

  ${md.code("0")}, or no replicas listed: nothing to do. Otherwise, once the replica stops on the grant, skip that one statement on the replica: ${md.code("CALL mysql.rds_skip_repl_error;")} when the replica is RDS for MySQL or Aurora MySQL, or, on a MySQL server of your own, its ${md.code("replica_skip_errors")} setting (${md.code("slave_skip_errors")} before MySQL 8.0.26) with the error number that ${md.code(v3?then("SHOW REPLICA STATUS", "SHOW SLAVE STATUS"))} shows; then check the replica catches up.

## Connect to the writer

Statements that grant must run on the writer instance; the cluster endpoint always points at it. This looks the endpoint and the master user up and opens a session (the client asks for the password):

<@my.connect "master"/>

The MySQL 8.0 client uses TLS when the server offers it; require it, and check the server's certificate, as your organization asks (${md.code("--ssl-mode=VERIFY_IDENTITY")} with the RDS certificate bundle).

## Check the account

<#if v3>
```sql
SHOW CREATE USER <@my.dbUserSql/>;
SHOW GRANTS FOR <@my.dbUserSql/>;
```

The first shows the account exists (${md.code("ERROR 1396")} or "no such grant" means it does not: create it first, or generate again with the right ${md.code("--db-user")}). If its output has a ${md.code("DEFAULT ROLE")} clause, note the roles it names: setting the default roles below replaces that list.
<#else>
```sql
SHOW GRANTS FOR <@my.dbUserSql/>;
```

An error ("There is no such grant defined") means the account does not exist: create it first, or generate again with the right ${md.code("--db-user")}.
</#if>

## Grant the ${kind}

<#if v3>
```sql
<#list grants as g>
GRANT ${g.role?no_esc} TO <@my.dbUserSql/>;
</#list>
```

A role only works in a session where it is active. There are three ways to make it so; use the first:

1. **Recommended: make <#if grants?size gt 1>them</#if><#if grants?size == 1>it</#if> the account's default role<#if grants?size gt 1>s</#if>.** One statement, for this account only, in effect from its next login, with no parameter group and no reboot. It replaces the account's list of default roles, so add any roles the ${md.code("DEFAULT ROLE")} clause above named:

   ```sql
   SET DEFAULT ROLE ${roleList?no_esc} TO <@my.dbUserSql/>;
   ```

2. **Per session:** each session of the account runs this before it loads or saves (an application must do it on every connection):

   ```sql
   SET ROLE ${roleList?no_esc};
   ```

3. **Every role of every account, at each login:** the parameter ${md.code("activate_all_roles_on_login")} = ${md.code("1")}. AWS's S3 pages call it a DB cluster parameter, but it is an **instance-level** parameter: it goes in the DB parameter group of the cluster's instances, not in the DB cluster parameter group of the previous step. It changes the behaviour of every account on those instances, and attaching a new group to the instances needs a reboot of each; that is why the default role is recommended. The steps, if you choose it:

<@m.forms>
<@m.form "console">
1. In the RDS console, choose **Databases**, the cluster ${md.code(cluster)}, and look at each instance's **Configuration** tab: **DB instance parameter group**. A ${md.code("default.")} group cannot be changed: create a new one (steps marked *(new group only)*); otherwise use the instances' own group wherever ${md.code(dbGroup)} is written.
2. *(new group only)* <@m.open "RDS console" aws.rdsConsoleUrl!"" "#parameter-groups:"/>. Choose **Create parameter group**. For **Parameter group family**, choose ${md.code(family)}; for **Type**, choose **DB Parameter Group**; for **Group name**, enter ${md.code(dbGroup)}; add a **Description**; choose **Create**.
3. Choose the group ${md.code(dbGroup)}, then **Edit** (in **Parameter group actions**). Set ${md.code("activate_all_roles_on_login")} to ${md.code("1")} and choose **Save changes**.
4. *(new group only)* For each instance of the cluster: choose it, then **Modify**; under **Additional configuration**, set **DB parameter group** to ${md.code(dbGroup)}; choose **Continue**, **Apply immediately**, **Modify DB instance**. Then reboot it (**Actions**, **Reboot**) and wait until it is **Available** before the next one.
</@m.form>
<@m.form "cli">
The DB parameter group each instance uses now:

```sh
aws rds describe-db-instances --region ${sh(aws.region)} \
  --filters ${sh("Name=db-cluster-id,Values=" + cluster)} \
  --query 'DBInstances[].[DBInstanceIdentifier,DBParameterGroups[0].DBParameterGroupName]' \
  --output text
```

A ${md.code("default." + family)} group cannot be changed: create ${md.code(dbGroup)} (the commands marked *(new group only)*); otherwise use the instances' own group wherever ${md.code(dbGroup)} is written. Whether the parameter takes effect at once (${md.code("dynamic")}) or at a restart (${md.code("static")}):

```sh
aws rds describe-engine-default-parameters --region ${sh(aws.region)} \
  --db-parameter-group-family ${sh(family)} \
  --query "EngineDefaults.Parameters[?ParameterName=='activate_all_roles_on_login'].[ApplyType,IsModifiable]" \
  --output text
```

*(New group only)* create the group:

```sh
aws rds create-db-parameter-group --region ${sh(aws.region)} \
  --db-parameter-group-name ${sh(dbGroup)} \
  --db-parameter-group-family ${sh(family)} \
  --description ${sh("Instance parameters of Aurora MySQL cluster " + cluster)}
```

Set the parameter (for a ${md.code("static")} parameter write ${md.code("ApplyMethod=pending-reboot")} and reboot each instance as below):

```sh
aws rds modify-db-parameter-group --region ${sh(aws.region)} \
  --db-parameter-group-name ${sh(dbGroup)} \
  --parameters ParameterName=activate_all_roles_on_login,ParameterValue=1,ApplyMethod=immediate
```

*(New group only)* give every instance the group, then reboot them one at a time (each waits until the one before is available again):

```sh
for instance in $(aws rds describe-db-instances --region ${sh(aws.region)} \
    --filters ${sh("Name=db-cluster-id,Values=" + cluster)} \
    --query 'DBInstances[].DBInstanceIdentifier' --output text); do
  aws rds modify-db-instance --region ${sh(aws.region)} --db-instance-identifier "$instance" \
    --db-parameter-group-name ${sh(dbGroup)} --apply-immediately
  aws rds wait db-instance-available --region ${sh(aws.region)} --db-instance-identifier "$instance"
  aws rds reboot-db-instance --region ${sh(aws.region)} --db-instance-identifier "$instance"
  aws rds wait db-instance-available --region ${sh(aws.region)} --db-instance-identifier "$instance"
done
```
</@m.form>
</@m.forms>
<#else>
```sql
<#list grants as g>
GRANT ${g.priv?no_esc} ON *.* TO <@my.dbUserSql/>;
</#list>
```

On Aurora MySQL 2 <#if many>these are privileges<#else>this is a privilege</#if>, not <#if many>roles<#else>a role</#if>: there is nothing to activate. <#if many>They apply<#else>It applies</#if> to the account's next connection; sessions open now keep their old privileges.
</#if>

## Check it

```sql
SHOW GRANTS FOR <@my.dbUserSql/>;
```

<#if v3>
One line grants the role<#if grants?size gt 1>s</#if> <@my.andList grants?map(g -> md.code("`" + g.role + "`@`%`"))/> to the account. Then open a session as the account itself:

<@my.connect "user"/>

and in it:

```sql
SELECT CURRENT_ROLE();
```

It shows <@my.andList grants?map(g -> md.code("`" + g.role + "`@`%`"))/>. ${md.code("NONE")} means no role is active in this session: the default role is not set (way 1), or the session has not run ${md.code("SET ROLE")} (way 2), or the instance does not have ${md.code("activate_all_roles_on_login")} in effect (way 3).
<#else>
The line ${md.code("GRANT ... ON *.* TO ...")} names <@my.andList grants?map(g -> md.code(g.priv))/>.
</#if>

## Roll back

<#if v3>
```sql
<#list grants as g>
REVOKE ${g.role?no_esc} FROM <@my.dbUserSql/>;
</#list>
```

If you set the default roles (way 1), ${md.code("SHOW CREATE USER")} then shows whether its ${md.code("DEFAULT ROLE")} clause still names them; set the account's default roles back to what they were before (${md.code("SET DEFAULT ROLE NONE TO ...")} if it had none). If you set ${md.code("activate_all_roles_on_login")} (way 3), set it back to ${md.code("0")} in ${md.code(dbGroup)}:

```sh
aws rds reset-db-parameter-group --region ${sh(aws.region)} \
  --db-parameter-group-name ${sh(dbGroup)} \
  --parameters ParameterName=activate_all_roles_on_login,ApplyMethod=immediate
```

and, if you created ${md.code(dbGroup)}, give the instances ${md.code("default." + family)} again (one ${md.code("modify-db-instance")} and reboot each, as above), then delete the group with ${md.code("aws rds delete-db-parameter-group")}.
<#else>
```sql
<#list grants as g>
REVOKE ${g.priv?no_esc} ON *.* FROM <@my.dbUserSql/>;
</#list>
```
</#if>

## Next

<@m.stepLinks/>

## About this runbook

${runwright.generator} wrote it from <@my.awsPages load save hasLambda/>, with <#if pageCount gt 1>their<#else>its</#if> mistakes corrected:

<#if v3>
- <#if pageCount gt 1>They call<#else>It calls</#if> ${md.code("activate_all_roles_on_login")} a DB cluster parameter; AWS's own parameter reference lists it among the instance-level parameters, so it goes in a DB parameter group (way 3 above).
</#if>
<#if hasLambda>
- The Lambda page writes the account unquoted (${md.code("user@domain-or-ip-address")}), which MySQL does not accept for a host such as ${md.code("10.0.%")} or a name with a hyphen; every account here is quoted as ${md.code("'name'@'host'")}.
</#if>
- <#if pageCount gt 1>They give<#else>It gives</#if> the replication caveat without a way to see whether it applies; here the binary log and its replicas are checked first.
