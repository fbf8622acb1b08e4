package dev.runwright.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.runwright.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terraform form of every golden case, read by HashiCorp's own HCL parser: each {@code .tf}
 * parses; each {@code jsonencode} policy, evaluated by the same parser, is exactly one of the
 * case's generated policy files (a step's file: its own folder's; the procedure's: all of them),
 * and each trust policy is {@code role/trust-policy.json}; every resource has the arguments the
 * provider requires (AWS-FACTS-INTEGRATIONS.md D1); Aurora MySQL's association has no {@code
 * feature_name} and requires provider 6.13.0, PostgreSQL's has one; parameters apply at the reboot;
 * every ARN is of the Region's partition; and each file stands alone (it declares every resource,
 * data source and variable it refers to). Two runs of the parser in all: it takes seconds to start.
 */
class TerraformFormTest {
  private static final Path ROOT = Path.of("src/test/resources/golden");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JSONENCODE = Pattern.compile("(?s)\\$\\{jsonencode\\((.*)\\)}");
  private static final Pattern ARN = Pattern.compile("arn:([a-z-]*):");
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(data\\.)?(aws_[a-z0-9_]+)\\.([a-z0-9_]+)|\\bvar\\.([a-z0-9_]+)");
  private static final Set<String> MYSQL_PARAMS =
      Set.of(
          "aws_default_s3_role",
          "aurora_load_from_s3_role",
          "aurora_select_into_s3_role",
          "aws_default_lambda_role");

  @TempDir Path tmp;

  /** One .tf file of a golden case. */
  private record TfFile(Path caseDir, Path file, JsonNode tf) {
    String label() {
      return ROOT.relativize(file).toString();
    }

    boolean procedure() {
      return file.getParent().getFileName().toString().equals("terraform");
    }

    String input(String key) throws IOException {
      Matcher m =
          Pattern.compile("(?m)^" + key + ": \"?([^\"\\s]+)")
              .matcher(Files.readString(caseDir.resolve("input.yaml")));
      return m.find() ? m.group(1) : null;
    }
  }

  @Test
  void everyGoldenTerraformFileHoldsTheRunbooksPoliciesAndTheRequiredArguments()
      throws IOException {
    List<Path> files = goldenTerraform();
    Map<Path, JsonNode> parsed = Validators.hcl2json(files);
    List<TfFile> tfs = new ArrayList<>();
    for (Path f : files) {
      Path caseDir = f;
      while (!caseDir.getParent().equals(ROOT)) {
        caseDir = caseDir.getParent();
      }
      tfs.add(new TfFile(caseDir, f, parsed.get(f)));
    }
    Map<String, JsonNode> documents = evaluatePolicies(tfs);
    Set<Path> withProcedure = new HashSet<>();
    for (TfFile t : tfs) {
      check(t, documents);
      if (t.procedure()) {
        withProcedure.add(t.caseDir());
      }
    }
    for (TfFile t : tfs) {
      assertTrue(withProcedure.contains(t.caseDir()), t.caseDir() + " has no terraform/main.tf");
    }
  }

  /**
   * The Terraform form has the values of the AWS CLI form of the same page: the roles and the
   * policies they get, the cluster, the roles and features added to it, the parameter group with
   * its family and parameters.
   */
  @Test
  void everyGoldenTerraformFormHasTheValuesOfItsCliForm() throws IOException {
    List<Path> files = goldenTerraform();
    Map<Path, JsonNode> parsed = Validators.hcl2json(files);
    int compared = 0;
    for (Path f : files) {
      Path dir = f.getParent();
      String step = dir.getFileName().toString();
      JsonNode tf = parsed.get(f);
      String where = ROOT.relativize(f).toString();
      if (step.equals("role")) {
        String md = Files.readString(dir.resolve("runbook.md"));
        assertEquals(cliPairs(md, ATTACH), tfAttachments(tf), where + ": the attachments");
        compared++;
      } else if (step.equals("associate")) {
        String md = Files.readString(dir.resolve("runbook.md"));
        assertEquals(cliPairs(md, ADD_ROLE), tfAssociations(tf), where + ": the associations");
        Set<String> params = new HashSet<>();
        Matcher m = Pattern.compile("ParameterName=([a-z0-9_]+),ParameterValue").matcher(md);
        while (m.find()) {
          params.add(m.group(1));
        }
        Set<String> tfParams = new HashSet<>();
        blocks(tf, "resource", "aws_rds_cluster_parameter_group")
            .values()
            .forEach(g -> g.path("parameter").forEach(p -> tfParams.add(p.path("name").asText())));
        assertEquals(params, tfParams, where + ": the cluster parameters");
        Matcher family = Pattern.compile("--db-parameter-group-family (\\S+)").matcher(md);
        if (family.find()) {
          assertEquals(
              family.group(1),
              tf.at("/resource/aws_rds_cluster_parameter_group/aurora/0/family").asText(),
              where);
        }
        compared++;
      }
    }
    assertTrue(compared >= 2 * 10, "too few role and association steps compared: " + compared);
  }

  /** attach-role-policy's --role-name and --policy-arn. */
  private static final Pattern ATTACH =
      Pattern.compile(
          "aws iam attach-role-policy --region \\S+ \\\\\n\\s+--role-name (\\S+) \\\\\n\\s+--policy-arn (\\S+)");

  /** add-role-to-db-cluster's cluster, role ARN and feature name (or none). */
  private static final Pattern ADD_ROLE =
      Pattern.compile(
          "aws rds add-role-to-db-cluster --region \\S+ \\\\\n\\s+--db-cluster-identifier (\\S+)"
              + " \\\\\n\\s+--role-arn (\\S+)(?: \\\\\n\\s+--feature-name (\\S+))?");

  private static Set<List<String>> cliPairs(String md, Pattern p) {
    Set<List<String>> out = new HashSet<>();
    Matcher m = p.matcher(md);
    while (m.find()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= m.groupCount(); i++) {
        row.add(m.group(i) == null ? "" : m.group(i).replace("'", ""));
      }
      out.add(row);
    }
    return out;
  }

  /** The role step's attachments as (role name, policy ARN). */
  private static Set<List<String>> tfAttachments(JsonNode tf) {
    Set<List<String>> out = new HashSet<>();
    for (JsonNode a : blocks(tf, "resource", "aws_iam_role_policy_attachment").values()) {
      String role = target(tf, "resource", a.path("role").asText()).path("name").asText();
      String arn = target(tf, "data", a.path("policy_arn").asText()).path("arn").asText();
      out.add(List.of(role, arn));
    }
    return out;
  }

  /** The associations as (cluster, role ARN, feature name or ""). */
  private static Set<List<String>> tfAssociations(JsonNode tf) {
    Set<List<String>> out = new HashSet<>();
    String cluster = tf.at("/variable/cluster_identifier/0/default").asText("<your-cluster-id>");
    String account = tf.at("/provider/aws/0/allowed_account_ids/0").asText();
    for (JsonNode a : blocks(tf, "resource", "aws_rds_cluster_role_association").values()) {
      String role = target(tf, "data", a.path("role_arn").asText()).path("name").asText();
      String region = tf.at("/provider/aws/0/region").asText();
      String partition =
          region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
      out.add(
          List.of(
              cluster,
              "arn:" + partition + ":iam::" + account + ":role/" + role,
              a.path("feature_name").asText("")));
    }
    return out;
  }

  /** The block a reference such as ${data.aws_iam_policy.kms.arn} names. */
  private static JsonNode target(JsonNode tf, String kind, String ref) {
    Matcher m =
        Pattern.compile("\\$\\{(?:data\\.)?(aws_[a-z_]+)\\.([a-z0-9_]+)\\.[a-z]+}").matcher(ref);
    assertTrue(m.matches(), ref);
    JsonNode block = tf.path(kind).path(m.group(1)).path(m.group(2)).path(0);
    assertFalse(block.isMissingNode(), ref + " names no " + kind + " block");
    return block;
  }

  @Test
  void everyGoldenTerraformFileIsAsTerraformFmtWritesIt() throws IOException {
    assertEquals(List.of(), Validators.hclFmt(goldenTerraform()));
  }

  private static List<Path> goldenTerraform() throws IOException {
    try (Stream<Path> all = Files.walk(ROOT)) {
      List<Path> files = all.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
      assertFalse(files.isEmpty(), "the golden cases have no Terraform");
      return files;
    }
  }

  private void check(TfFile t, Map<String, JsonNode> documents) throws IOException {
    String where = t.label();
    JsonNode tf = t.tf();
    String region = t.input("region");
    String partition =
        region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    JsonNode provider = tf.at("/provider/aws/0");
    assertEquals(region, provider.path("region").asText(), where + ": the provider's Region");
    assertEquals(
        t.input("account"),
        provider.at("/allowed_account_ids/0").asText(),
        where + ": the provider's account");
    Path expected = t.caseDir().resolve("expected");
    // The identity policies: the step's own, or in the procedure every step's.
    Set<JsonNode> want = new HashSet<>();
    try (Stream<Path> all = Files.walk(t.procedure() ? expected : t.file().getParent(), 2)) {
      for (Path p : all.filter(TerraformFormTest::isIntegrationPolicy).toList()) {
        want.add(JSON.readTree(p.toFile()));
      }
    }
    Set<JsonNode> got = new HashSet<>();
    for (var e : blocks(tf, "resource", "aws_iam_policy").entrySet()) {
      requireArgs(where, e.getKey(), e.getValue(), "name", "policy");
      got.add(documents.get(where + " " + e.getKey()));
    }
    JsonNode trust = JSON.readTree(expected.resolve("role/trust-policy.json").toFile());
    for (var e : blocks(tf, "resource", "aws_iam_role").entrySet()) {
      requireArgs(where, e.getKey(), e.getValue(), "name", "assume_role_policy");
      assertEquals(trust, documents.get(where + " " + e.getKey()), where + ": " + e.getKey());
    }
    boolean policyStep = !blocks(tf, "resource", "aws_iam_policy").isEmpty() && !t.procedure();
    if (policyStep || t.procedure()) {
      assertEquals(want, got, where + ": the policies are exactly the generated JSON files");
    }
    Map<String, JsonNode> attachments = blocks(tf, "resource", "aws_iam_role_policy_attachment");
    Set<String> attached = new HashSet<>();
    for (var e : attachments.entrySet()) {
      requireArgs(where, e.getKey(), e.getValue(), "role", "policy_arn");
      attached.add(e.getValue().path("policy_arn").asText());
    }
    if (!blocks(tf, "resource", "aws_iam_role").isEmpty()) {
      int policies = countPolicies(expected);
      assertEquals(policies, attachments.size(), where + ": one attachment per policy");
      assertEquals(policies, attached.size(), where + ": each policy attached once");
    }
    checkAssociation(t, where, "aurora-postgresql".equals(t.input("engine")));
    assertPartition(where, tf, partition);
    for (var e : blocks(tf, "resource", "aws_iam_policy").entrySet()) {
      assertPartition(where, documents.get(where + " " + e.getKey()), partition);
    }
    assertStandsAlone(where, tf);
  }

  private void checkAssociation(TfFile t, String where, boolean pg) throws IOException {
    JsonNode tf = t.tf();
    Map<String, JsonNode> associations = blocks(tf, "resource", "aws_rds_cluster_role_association");
    Map<String, JsonNode> groups = blocks(tf, "resource", "aws_rds_cluster_parameter_group");
    boolean associates = t.procedure() || t.file().getParent().endsWith("associate");
    assertEquals(associates, !associations.isEmpty(), where + ": associations");
    Set<String> features = new HashSet<>();
    for (var e : associations.entrySet()) {
      requireArgs(where, e.getKey(), e.getValue(), "db_cluster_identifier", "role_arn");
      JsonNode feature = e.getValue().get("feature_name");
      if (pg) {
        assertTrue(
            feature != null && Set.of("s3Import", "s3Export", "Lambda").contains(feature.asText()),
            where + ": " + e.getKey() + " needs its PostgreSQL feature_name");
        assertTrue(features.add(feature.asText()), where + ": one role per feature");
      } else {
        assertEquals(null, feature, where + ": Aurora MySQL takes no feature_name");
      }
    }
    if (associates && !pg) {
      assertEquals(
          ">= 6.13.0",
          tf.at("/terraform/0/required_providers/0/aws/version").asText(),
          where + ": the provider that made feature_name optional");
      assertEquals(1, groups.size(), where + ": the parameter group");
      JsonNode group = groups.values().iterator().next();
      requireArgs(where, "the parameter group", group, "name", "family", "description");
      String version = t.input("auroraMysqlVersion");
      assertEquals(
          "2".equals(version) ? "aurora-mysql5.7" : "aurora-mysql8.0",
          group.path("family").asText(),
          where);
      assertTrue(group.path("parameter").size() > 0, where + ": no parameter");
      for (JsonNode param : group.path("parameter")) {
        requireArgs(where, "a parameter", param, "name", "value");
        assertTrue(MYSQL_PARAMS.contains(param.path("name").asText()), where + ": " + param);
        assertEquals("pending-reboot", param.path("apply_method").asText(), where + ": " + param);
      }
    } else {
      assertTrue(groups.isEmpty(), where + ": a parameter group where none is needed");
    }
  }

  /**
   * Every jsonencode argument of every policy and trust policy, evaluated by the HCL parser (one
   * file of attributes for all), by "file address". Terraform's JSON form writes a literal ${ as
   * $${, so that is undone.
   */
  private Map<String, JsonNode> evaluatePolicies(List<TfFile> tfs) throws IOException {
    StringBuilder hcl = new StringBuilder();
    List<String> keys = new ArrayList<>();
    for (TfFile t : tfs) {
      for (String type : List.of("aws_iam_policy", "aws_iam_role")) {
        String arg = type.equals("aws_iam_policy") ? "policy" : "assume_role_policy";
        for (var e : blocks(t.tf(), "resource", type).entrySet()) {
          Matcher m = JSONENCODE.matcher(e.getValue().path(arg).asText());
          assertTrue(m.matches(), t.label() + ": " + e.getKey() + "." + arg + " is no jsonencode");
          hcl.append("p").append(keys.size()).append(" = ").append(m.group(1)).append('\n');
          keys.add(t.label() + " " + e.getKey());
        }
      }
    }
    Path file = tmp.resolve("policies.tf");
    Files.writeString(file, hcl, StandardCharsets.UTF_8);
    JsonNode values = Validators.hcl2json(file);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      JsonNode v = values.get("p" + i);
      assertTrue(v != null && v.isObject(), keys.get(i) + " is not a constant object: " + v);
      out.put(keys.get(i), untemplate(v));
    }
    return out;
  }

  private static JsonNode untemplate(JsonNode v) {
    if (v.isTextual()) {
      return TextNode.valueOf(v.asText().replace("$${", "${").replace("%%{", "%{"));
    }
    if (v.isObject()) {
      ObjectNode o = JSON.createObjectNode();
      v.fields().forEachRemaining(e -> o.set(e.getKey(), untemplate(e.getValue())));
      return o;
    }
    if (v.isArray()) {
      var a = JSON.createArrayNode();
      v.forEach(i -> a.add(untemplate(i)));
      return a;
    }
    return v;
  }

  /** The blocks of one type ("resource", "aws_iam_policy"), by "type.name". */
  private static Map<String, JsonNode> blocks(JsonNode tf, String kind, String type) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    tf.path(kind)
        .path(type)
        .fields()
        .forEachRemaining(e -> out.put(type + "." + e.getKey(), e.getValue().get(0)));
    return out;
  }

  private static void requireArgs(String where, String what, JsonNode block, String... args) {
    for (String a : args) {
      JsonNode v = block.get(a);
      assertTrue(
          v != null && !v.asText().isBlank(), where + ": " + what + " lacks the argument " + a);
    }
  }

  private static int countPolicies(Path expected) throws IOException {
    try (Stream<Path> all = Files.walk(expected)) {
      return (int) all.filter(TerraformFormTest::isIntegrationPolicy).count();
    }
  }

  /**
   * A policy the role Aurora uses gets: a JSON file of a step that is not the trust policy, nor the
   * SSM Automation runbook's own role's policies (automation-*.json), which Terraform does not
   * make.
   */
  private static boolean isIntegrationPolicy(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".json")
        && !name.equals("trust-policy.json")
        && !name.startsWith("automation-");
  }

  private static void assertPartition(String where, JsonNode node, String partition) {
    if (node.isTextual()) {
      Matcher m = ARN.matcher(node.asText());
      while (m.find()) {
        assertEquals(partition, m.group(1), where + ": " + node.asText());
      }
    }
    node.forEach(child -> assertPartition(where, child, partition));
  }

  /** Every reference resolves to a block or variable of the same file. */
  private static void assertStandsAlone(String where, JsonNode tf) {
    Set<String> declared = new HashSet<>();
    for (String kind : List.of("resource", "data")) {
      tf.path(kind)
          .fields()
          .forEachRemaining(
              type ->
                  type.getValue()
                      .fieldNames()
                      .forEachRemaining(
                          name ->
                              declared.add(
                                  (kind.equals("data") ? "data." : "")
                                      + type.getKey()
                                      + "."
                                      + name)));
    }
    tf.path("variable").fieldNames().forEachRemaining(v -> declared.add("var." + v));
    List<String> refs = new ArrayList<>();
    collectReferences(tf, refs);
    assertFalse(refs.isEmpty() && declared.isEmpty(), where);
    for (String r : refs) {
      assertTrue(declared.contains(r), where + ": refers to " + r + ", which it does not declare");
    }
  }

  private static void collectReferences(JsonNode node, List<String> out) {
    if (node.isTextual() && node.asText().contains("${") && !node.asText().contains("jsonencode")) {
      Matcher m = REFERENCE.matcher(node.asText());
      while (m.find()) {
        out.add(
            m.group(4) != null
                ? "var." + m.group(4)
                : (m.group(1) == null ? "" : "data.") + m.group(2) + "." + m.group(3));
      }
    }
    node.forEach(child -> collectReferences(child, out));
  }

  @Test
  void formsConsoleAndCliLeaveTheTerraformOut() throws IOException {
    Path input = ROOT.resolve("mysql3-s3-kms-load-save/input.yaml");
    Path without = generate(input, tmp.resolve("without"), "--forms", "console,cli");
    Path with = generate(input, tmp.resolve("with"), "--forms", "terraform");
    assertEquals(List.of(), filesEnding(without, ".tf"));
    assertEquals(
        List.of(
            "associate/main.tf", "kms/main.tf", "role/main.tf", "s3/main.tf", "terraform/main.tf"),
        filesEnding(with, ".tf"));
    for (Path md : filesEnding(without, ".md").stream().map(without::resolve).toList()) {
      String text = Files.readString(md);
      assertFalse(text.contains("With Terraform"), md + " has a Terraform form");
      assertFalse(text.contains("terraform"), md + " mentions Terraform");
    }
    assertTrue(Files.readString(with.resolve("role/runbook.md")).contains("### With Terraform"));
    assertTrue(
        Files.readString(with.resolve("procedure.md")).contains("## All at once: Terraform\n"));
  }

  private static Path generate(Path input, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("generate", "-q", "--config", input.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args.toArray(String[]::new));
    assertEquals(0, code, o + "\n" + e);
    return out;
  }

  private static List<String> filesEnding(Path dir, String ext) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.toString().endsWith(ext))
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
