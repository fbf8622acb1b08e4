package dev.runwright.pack;

import static dev.runwright.pack.PackTestSupport.errors;
import static dev.runwright.pack.PackTestSupport.params;
import static dev.runwright.pack.PackTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.Diagnostics;
import dev.runwright.config.Position;
import dev.runwright.kind.PageKind;
import dev.runwright.render.TemplateRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code documents:} read into {@link DocumentSpec}s, every mistake with its position. */
class DocumentParserTest {
  private static final Position MANIFEST = new Position("pack.yaml", 1, 1);
  private static final Map<String, ParameterSpec> PARAMS =
      params("keys: {type: kms-key, list: true}\npolicyName: {type: iam-policy-name}");

  @TempDir Path dir;
  private final Diagnostics d = new Diagnostics();
  private DocumentParser parser;

  @BeforeEach
  void templates() throws IOException {
    Files.createDirectories(dir.resolve("mine"));
    Files.writeString(dir.resolve("mine/policy.json.ftl"), "{}");
    Files.writeString(dir.resolve("mine/runbook.md.ftl"), "# x");
    parser = new DocumentParser("mine", PARAMS, new TemplateRoots(List.of(dir)), d);
  }

  private List<DocumentSpec> parse(String documents) {
    return parser.parse(yaml(documents), true, MANIFEST);
  }

  @Test
  void aPolicyARunbookAndItsPage() {
    List<DocumentSpec> docs =
        parse(
            "- {id: policy, path: policy.json, template: policy.json.ftl, kind: policy-json,\n"
                + "   expect: {actions: [kms:Decrypt], resourcesFrom: keys},\n"
                + "   creates: {type: iam-policy, name: policyName}}\n"
                + "- {id: runbook, path: runbook.md, template: runbook.md.ftl,"
                + " kind: runbook-markdown, when: {given: keys}}\n"
                + "- {id: page, path: runbook.html, kind: page-html, from: runbook}\n");
    assertEquals(List.of(), errors(d));
    assertEquals(
        List.of("policy", "runbook", "page"), docs.stream().map(DocumentSpec::id).toList());
    DocumentSpec policy = docs.get(0);
    assertEquals("mine/policy.json.ftl", policy.template(), "a template is the pack's own");
    assertEquals("identity", policy.expect().policyType());
    assertEquals(List.of("kms:Decrypt"), policy.expect().actions());
    assertEquals("keys", policy.expect().resourcesFrom());
    assertEquals(
        List.of(new DocumentSpec.Creates("iam-policy", "policyName", List.of(), Condition.ALWAYS)),
        policy.creates());
    assertEquals(List.of("keys"), docs.get(1).when().params());
    assertEquals(PageKind.DEFAULT_TEMPLATE, docs.get(2).template(), "a page has a default");
    assertEquals("runbook", docs.get(2).from());
  }

  @Test
  void noDocumentsIsFineOnlyForAProcedure() {
    assertEquals(List.of(), parser.parse(null, false, MANIFEST));
    assertEquals(List.of(), errors(d));
    parser.parse(null, true, MANIFEST);
    parse("[]");
    assertEquals(
        List.of(
            "pack.yaml:1:1: error: documents: must be a list of at least one document",
            "pack.yaml:1:1: error: documents: must be a list of at least one document"),
        errors(d));
  }

  @Test
  void idsAndPathsMustBeNewAndSafe() {
    parse(
        "- {id: policy, path: policy.json, template: policy.json.ftl, kind: policy-json}\n"
            + "- {id: policy, path: ../x.json, template: policy.json.ftl, kind: policy-json}\n"
            + "- {id: Other, path: policy.json, template: policy.json.ftl, kind: policy-json}\n");
    assertEquals(
        List.of(
            "pack.yaml:2:8: error: documents[1].id: \"policy\" is not a new camelCase id",
            "pack.yaml:2:22: error: documents[1].path: \"../x.json\" is not a new relative file"
                + " name (no .., no leading /)",
            "pack.yaml:3:8: error: documents[2].id: \"Other\" is not a new camelCase id",
            "pack.yaml:3:21: error: documents[2].path: \"policy.json\" is not a new relative file"
                + " name (no .., no leading /)"),
        errors(d));
  }

  @Test
  void anUnknownKindNamesTheKinds() {
    parse("- {id: a, path: a.md, template: runbook.md.ftl, kind: runbook-md}");
    List<String> e = errors(d);
    assertEquals(1, e.size(), e::toString);
    assertTrue(
        e.get(0)
            .startsWith("pack.yaml:1:55: error: documents[0].kind: unknown kind \"runbook-md\""),
        e.get(0));
    assertTrue(e.get(0).contains("(kinds: policy-json, "), e.get(0));
  }

  @Test
  void aPageNeedsARunbookAboveIt() {
    parse(
        "- {id: page, path: a.html, kind: page-html, from: runbook}\n"
            + "- {id: runbook, path: a.md, template: runbook.md.ftl, kind: runbook-markdown}\n");
    assertEquals(
        List.of(
            "pack.yaml:1:3: error: documents[0].from: a page-html document needs from: naming a"
                + " runbook-markdown document above it"),
        errors(d));
  }

  @Test
  void aTemplateMustBeFoundSafeAndOfItsKindsSuffix() {
    parse(
        "- {id: a, path: a.md, kind: runbook-markdown}\n"
            + "- {id: b, path: b.md, template: policy.json.ftl, kind: runbook-markdown}\n"
            + "- {id: c, path: c.md, template: missing.md.ftl, kind: runbook-markdown}\n"
            + "- {id: e, path: e.md, template: ../../etc/x.md.ftl, kind: runbook-markdown}\n");
    assertEquals(
        List.of(
            "pack.yaml:1:3: error: documents[0]: is missing the required key \"template\"",
            "pack.yaml:2:33: error: documents[1].template: a runbook-markdown template's name"
                + " must end in .md.ftl so that its output is escaped for where it lands",
            "pack.yaml:3:33: error: documents[2].template: template mine/missing.md.ftl was not"
                + " found in the template folders",
            "pack.yaml:4:33: error: documents[3].template: \"../../etc/x.md.ftl\" is not a"
                + " template name inside the template folders"),
        errors(d));
  }

  @Test
  void aTemplateFromTheRootStartsWithASlash() {
    List<DocumentSpec> docs =
        parse("- {id: a, path: a.md, template: /mine/runbook.md.ftl, kind: runbook-markdown}");
    assertEquals(List.of(), errors(d));
    assertEquals("mine/runbook.md.ftl", docs.get(0).template());
  }

  @Test
  void expectNamesParametersAndAgreesWithItself() {
    parse(
        "- id: policy\n  path: policy.json\n  template: policy.json.ftl\n  kind: policy-json\n"
            + "  expect:\n    policyType: resource\n    resourcesFrom: kyes\n"
            + "    actions: [kms:Decrypt, kms:Encrypt]\n    allowOnly: [kms:Decrypt]\n");
    assertEquals(
        List.of(
            "pack.yaml:6:17: error: documents[0].expect.policyType: expected identity or trust",
            "pack.yaml:7:20: error: documents[0].expect.resourcesFrom: names no parameter of"
                + " this pack; did you mean keys?",
            "pack.yaml:9:16: error: documents[0].expect.allowOnly: leaves out kms:Encrypt, which"
                + " actions requires"),
        errors(d));
  }

  @Test
  void createsNamesACreatableTypeAndAParameter() {
    parse(
        "- id: policy\n  path: policy.json\n  template: policy.json.ftl\n  kind: policy-json\n"
            + "  creates:\n    - {type: s3-bucket, name: policyNam}\n");
    assertEquals(
        List.of(
            "pack.yaml:6:14: error: documents[0].creates[0].type: \"s3-bucket\" is not one of"
                + " iam-policy, iam-role",
            "pack.yaml:6:31: error: documents[0].creates[0].name: \"policyNam\" names no"
                + " parameter of this pack; did you mean policyName?"),
        errors(d));
  }

  @Test
  void anUnknownKeyIsRefused() {
    parse("- {id: a, path: a.md, template: runbook.md.ftl, kind: runbook-markdown, tmpl: x}");
    assertEquals(
        List.of("pack.yaml:1:73: error: documents[0]: unknown document key \"tmpl\""), errors(d));
  }
}
