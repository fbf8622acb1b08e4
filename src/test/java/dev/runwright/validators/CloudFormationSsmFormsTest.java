package dev.runwright.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runwright.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CloudFormation templates and SSM Automation runbooks of the golden cases (files a person has
 * read): cfn-lint and the CDK's resource database accept every template, AWS's SSM schema every
 * runbook; every policy they hold is, after parsing, the JSON of a policy file of the same step
 * (or, in the overview, of the steps), every role's trust policy the role step's; every ARN is in
 * the case's partition; and {@code --forms console,cli} writes none of it.
 */
class CloudFormationSsmFormsTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STEP_POLICIES =
      List.of("policy.json", "import-policy.json", "export-policy.json");

  @TempDir Path tmp;

  @Test
  void everyTemplatePassesCfnLintAndNamesOnlyTypesAndPropertiesThatExist() throws IOException {
    List<Path> templates = expected("cloudformation.yaml");
    assertTrue(templates.size() >= 40, "templates are missing: " + templates.size());
    assertEquals(List.of(), Validators.cfnLint(templates));
  }

  @Test
  void everyAutomationRunbookMatchesAwsSsmSchema() throws IOException {
    List<Path> runbooks = expected("automation.yaml");
    assertTrue(runbooks.size() >= 10, "runbooks are missing: " + runbooks.size());
    assertEquals(List.of(), Validators.ssmSchema(runbooks));
  }

  @TestFactory
  Stream<DynamicTest> everyPolicyInEveryFormIsTheGeneratedJson() throws IOException {
    return cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> policiesOf(c)));
  }

  private void policiesOf(Path caseDir) throws IOException {
    Path out = caseDir.resolve("expected");
    Path trustFile = out.resolve("role/trust-policy.json");
    JsonNode trust = JSON.readTree(Files.readString(trustFile));
    List<JsonNode> all = new ArrayList<>();
    for (String step : List.of("s3", "kms", "lambda")) {
      List<JsonNode> own = jsonFiles(out.resolve(step));
      all.addAll(own);
      Path cfn = out.resolve(step).resolve("cloudformation.yaml");
      if (Files.exists(cfn)) {
        assertSame(own, cfnPolicies(cfn), cfn.toString());
      }
    }
    assertFalse(all.isEmpty(), "no policy files in " + out);
    Path roleCfn = out.resolve("role/cloudformation.yaml");
    assertTrue(cfnTrusts(roleCfn).stream().allMatch(trust::equals), roleCfn.toString());
    Path whole = out.resolve("cloudformation.yaml");
    assertSame(all, cfnPolicies(whole), whole.toString());
    List<JsonNode> trusts = cfnTrusts(whole);
    assertFalse(trusts.isEmpty(), whole + " has no role");
    assertTrue(trusts.stream().allMatch(trust::equals), whole.toString());
    Path automation = out.resolve("automation.yaml");
    if (Files.exists(automation)) {
      JsonNode doc = YAML.readTree(Files.readString(automation));
      assertSame(all, apiPolicies(doc, "CreatePolicy", "PolicyDocument"), automation.toString());
      List<JsonNode> roles = apiPolicies(doc, "CreateRole", "AssumeRolePolicyDocument");
      assertEquals(trusts.size(), roles.size(), "a CreateRole per role of the template");
      assertTrue(roles.stream().allMatch(trust::equals), automation.toString());
    }
    Path step = out.resolve("associate/automation.yaml");
    if (Files.exists(step)) {
      JsonNode doc = YAML.readTree(Files.readString(step));
      assertEquals(List.of(), apiPolicies(doc, "CreatePolicy", "PolicyDocument"), step.toString());
      assertEquals(List.of(), apiPolicies(doc, "CreateRole", "AssumeRolePolicyDocument"));
      assertEquals(
          trusts.size(), count(doc, "AddRoleToDBCluster"), step + ": an association per role");
    }
  }

  private static long count(JsonNode doc, String api) {
    long n = 0;
    for (JsonNode s : doc.path("mainSteps")) {
      n += s.path("inputs").path("Api").asText().equals(api) ? 1 : 0;
    }
    return n;
  }

  @TestFactory
  Stream<DynamicTest> everyArnIsInTheCasesPartition() throws IOException {
    return cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> partitionOf(c)));
  }

  private void partitionOf(Path caseDir) throws IOException {
    String input = Files.readString(caseDir.resolve("input.yaml"));
    String region = YAML.readTree(input).path("region").asText();
    String partition =
        region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    Pattern arn = Pattern.compile("arn:([a-z-]*):");
    int seen = 0;
    try (Stream<Path> all = Files.walk(caseDir.resolve("expected"))) {
      for (Path f : all.filter(CloudFormationSsmFormsTest::isForm).toList()) {
        Matcher m = arn.matcher(Files.readString(f));
        while (m.find()) {
          assertEquals(partition, m.group(1), f + ": " + m.group());
          seen++;
        }
      }
    }
    assertTrue(seen > 0, "no ARN in the forms of " + caseDir);
  }

  @Test
  void formsConsoleCliLeaveTheCloudFormationAndAutomationFormsOut() throws IOException {
    Path input = GOLDEN.resolve("govcloud-ssm-approvers/input.yaml");
    Path out = tmp.resolve("out");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    String[] args = {
      "generate",
      "-q",
      "--config",
      input.toString(),
      "--forms",
      "console,cli",
      "--out",
      out.toString()
    };
    assertEquals(0, Main.run(new PrintWriter(o), new PrintWriter(e), args), e.toString());
    List<String> written;
    try (Stream<Path> all = Files.walk(out)) {
      written = all.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).toList();
    }
    assertTrue(written.contains("s3/policy.json"), written::toString);
    for (String f : written) {
      assertFalse(f.endsWith(".yaml") || f.contains("automation"), f);
      if (f.endsWith(".md")) {
        String md = Files.readString(out.resolve(f));
        for (String gone :
            List.of("With CloudFormation", "SSM Automation", "cloudformation", "aws:approve")) {
          assertFalse(md.contains(gone), f + " mentions " + gone);
        }
      }
    }
  }

  /** The golden cases of the whole procedure: the ones with an overview template. */
  private static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(GOLDEN)) {
      return s.filter(c -> Files.exists(c.resolve("expected/cloudformation.yaml")))
          .sorted()
          .toList();
    }
  }

  private static List<Path> expected(String name) throws IOException {
    try (Stream<Path> all = Files.walk(GOLDEN)) {
      return all.filter(p -> p.getFileName().toString().equals(name))
          .filter(p -> p.toString().contains("expected"))
          .sorted()
          .toList();
    }
  }

  private static boolean isForm(Path f) {
    String name = f.getFileName().toString();
    return name.equals("cloudformation.yaml") || name.startsWith("automation");
  }

  private static List<JsonNode> jsonFiles(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String name : STEP_POLICIES) {
      Path f = dir.resolve(name);
      if (Files.exists(f)) {
        out.add(JSON.readTree(Files.readString(f)));
      }
    }
    return out;
  }

  private static List<JsonNode> cfnPolicies(Path template) throws IOException {
    return cfnProperty(template, "AWS::IAM::ManagedPolicy", "PolicyDocument");
  }

  private static List<JsonNode> cfnTrusts(Path template) throws IOException {
    return cfnProperty(template, "AWS::IAM::Role", "AssumeRolePolicyDocument");
  }

  private static List<JsonNode> cfnProperty(Path template, String type, String property)
      throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : YAML.readTree(Files.readString(template)).path("Resources")) {
      if (r.path("Type").asText().equals(type)) {
        out.add(r.path("Properties").path(property));
      }
    }
    return out;
  }

  /** The policies the runbook's {@code api} steps pass as JSON strings under {@code input}. */
  private static List<JsonNode> apiPolicies(JsonNode doc, String api, String input)
      throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode step : doc.path("mainSteps")) {
      JsonNode in = step.path("inputs");
      if (in.path("Api").asText().equals(api)) {
        out.add(JSON.readTree(in.path(input).asText()));
      }
    }
    return out;
  }

  /** The same documents, each as often, in any order (JSON equality: key order is free). */
  private static void assertSame(List<JsonNode> want, List<JsonNode> got, String where) {
    List<JsonNode> left = new ArrayList<>(got);
    for (JsonNode w : want) {
      assertTrue(left.remove(w), where + " lacks " + w + "; it has " + got);
    }
    assertEquals(List.of(), left, where + " has more policies than the step's files");
  }
}
