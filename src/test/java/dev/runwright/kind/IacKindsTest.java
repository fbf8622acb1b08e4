package dev.runwright.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.policy.PolicyJson;
import dev.runwright.policy.PolicyLinter;
import dev.runwright.render.TemplateError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IacKindsTest {
  private static final YamlReader YAML = new YamlReader(YamlReader.DEFAULT_MAX_BYTES);
  private static final PolicyJson JSON = new PolicyJson(YAML);
  private static final KindTools TOOLS = new KindTools(JSON, new PolicyLinter(YAML), YAML);
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::b/*\"}]}";

  private static KindContext ctx(DocumentKind kind) throws Exception {
    String canonical = JSON.writePolicy(JSON.parse(POLICY));
    DocumentSpec doc =
        new DocumentSpec("iac", "main.x", "p/main.x.ftl", kind, null, DocumentSpec.Expect.NONE);
    return new KindContext(
        doc, "p/main.x.ftl", "", Position.flag("test"), Map.of(), null, TOOLS, List.of(canonical));
  }

  @Test
  void aCloudFormationTemplateMayHoldOnlyTheRunbooksPolicies() throws Exception {
    String ok =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Policy:
            Type: "AWS::IAM::ManagedPolicy"
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: "Allow"
                    Action: "s3:GetObject"
                    Resource: "arn:aws:s3:::b/*"
        """;
    CloudFormationKind kind = new CloudFormationKind();
    assertEquals(ok, kind.finish(ok + "\n\n", ctx(kind)));
    String wider = ok.replace("arn:aws:s3:::b/*", "*");
    TemplateError e = assertThrows(TemplateError.class, () -> kind.finish(wider, ctx(kind)));
    assertTrue(
        e.getMessage().contains("not one of the runbook's policy documents"), e.getMessage());
    assertThrows(
        TemplateError.class,
        () -> kind.finish("Resources:\n  X:\n    Type: \"A\"\n", ctx(kind)),
        "no AWSTemplateFormatVersion");
  }

  @Test
  void anAutomationRunbookPassesPoliciesAsJsonStringsThatMustBeTheRunbooks() throws Exception {
    String doc =
        "schemaVersion: \"0.3\"\nmainSteps:\n  - name: createPolicy\n    action: aws:executeAwsApi\n"
            + "    inputs:\n      Service: iam\n      Api: CreatePolicy\n      PolicyDocument: "
            + "'"
            + POLICY
            + "'\n";
    SsmAutomationKind kind = new SsmAutomationKind();
    kind.finish(doc, ctx(kind));
    assertThrows(
        TemplateError.class,
        () -> kind.finish(doc.replace("s3:GetObject", "s3:*"), ctx(kind)),
        "a wider policy is the template's error");
    assertThrows(
        TemplateError.class,
        () -> kind.finish("schemaVersion: \"0.3\"\nmainSteps:\n  - action: x\n", ctx(kind)),
        "a step without a name");
  }

  @Test
  void terraformOutputMustBeBalanced() throws Exception {
    TerraformKind kind = new TerraformKind();
    String ok =
        "resource \"aws_iam_policy\" \"p\" {\n  name   = \"x-${var.y}\"\n  policy = <<-EOT\n"
            + "  {\"a\": [\"}\"]}\n  EOT\n}\n";
    assertEquals(ok, kind.finish(ok, ctx(kind)));
    assertNull(HclBalance.problem("a = \"$${not} {\" # }\n/* ] */ b = [1]\n"));
    assertTrue(HclBalance.problem("a = {\n").contains("open"));
    assertTrue(HclBalance.problem("a = \"x\n").contains("line break"));
    assertTrue(HclBalance.problem("a = [1}").contains("closes }"));
    assertThrows(TemplateError.class, () -> kind.finish("x = {\n", ctx(kind)));
  }
}
