package dev.runwright.pack;

import dev.runwright.config.Diagnostics;
import dev.runwright.config.MappingReader;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.Suggest;
import dev.runwright.config.Values;
import dev.runwright.kind.DocumentKind;
import dev.runwright.kind.DocumentKinds;
import dev.runwright.kind.PageKind;
import dev.runwright.render.TemplateRoots;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a manifest's {@code documents:}, reporting every mistake with its position. */
final class DocumentParser {
  private static final Pattern DOC_ID = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");
  private static final List<String> DOC_KEYS =
      List.of("id", "path", "template", "kind", "from", "expect", "when", "form", "creates");
  private static final List<String> EXPECT_KEYS =
      List.of("policyType", "actions", "allowOnly", "resourcesFrom", "principalService");
  private static final List<String> CREATES_KEYS = List.of("type", "name", "with", "when");

  /** What {@code creates:} can name: the IAM names that are unique in an account. */
  static final List<String> CREATABLE = List.of("iam-policy", "iam-role");

  private final String packId;
  private final Map<String, ParameterSpec> params;
  private final TemplateRoots roots;
  private final Diagnostics d;

  DocumentParser(
      String packId, Map<String, ParameterSpec> params, TemplateRoots roots, Diagnostics d) {
    this.packId = packId;
    this.params = params;
    this.roots = roots;
    this.d = d;
  }

  /**
   * @param node the {@code documents:} value
   * @param required whether the pack needs at least one (a procedure need not)
   */
  List<DocumentSpec> parse(Node node, boolean required, Position manifestPos) {
    List<DocumentSpec> out = new ArrayList<>();
    if (node == null && !required) {
      return out;
    }
    if (!(node instanceof Node.Sequence seq) || seq.items().isEmpty()) {
      d.error(
          node == null ? manifestPos : node.pos(),
          "documents",
          "must be a list of at least one document");
      return out;
    }
    Set<String> ids = new HashSet<>();
    Set<String> paths = new HashSet<>();
    Map<String, DocumentKind> kinds = new LinkedHashMap<>();
    for (int i = 0; i < seq.items().size(); i++) {
      DocumentSpec doc = one(seq.items().get(i), "documents[" + i + "]", ids, paths, kinds);
      if (doc != null) {
        kinds.put(doc.id(), doc.kind());
        out.add(doc);
      }
    }
    return out;
  }

  private DocumentSpec one(
      Node item, String sub, Set<String> ids, Set<String> paths, Map<String, DocumentKind> kinds) {
    MappingReader r = new MappingReader(item, sub, d);
    if (!r.ok()) {
      return null;
    }
    r.refuseUnknown(DOC_KEYS, "document key");
    String id = r.text("id", true);
    String path = r.text("path", true);
    String kindName = r.text("kind", true);
    String template = r.text("template", false);
    String from = r.text("from", false);
    if (id == null || path == null || kindName == null) {
      return null;
    }
    Position at = item.pos();
    if (!DOC_ID.matcher(id).matches() || !ids.add(id)) {
      d.error(r.node("id").pos(), sub + ".id", Values.show(id) + " is not a new camelCase id");
    }
    if (!TemplateRoots.isSafeName(path) || !paths.add(path)) {
      d.error(
          r.node("path").pos(),
          sub + ".path",
          Values.show(path) + " is not a new relative file name (no .., no leading /)");
    }
    DocumentKind kind = DocumentKinds.get(kindName);
    if (kind == null) {
      d.error(
          r.node("kind").pos(),
          sub + ".kind",
          "unknown kind "
              + Values.show(kindName)
              + Suggest.hint(kindName, DocumentKinds.ids())
              + " (kinds: "
              + String.join(", ", DocumentKinds.ids())
              + ")");
      return null;
    }
    if (kind.presentation() == DocumentKind.Presentation.PAGE) {
      if (template == null) {
        template = "/" + PageKind.DEFAULT_TEMPLATE;
      }
      DocumentKind source = from == null ? null : kinds.get(from);
      if (source == null || source.presentation() != DocumentKind.Presentation.RUNBOOK) {
        d.error(
            at,
            sub + ".from",
            "a page-html document needs from: naming a runbook-markdown document above it");
      }
    } else if (template == null) {
      d.error(at, sub, "is missing the required key \"template\"");
      return null;
    }
    String resolved = template(r, sub, template, kind, at);
    if (resolved == null) {
      return null;
    }
    Condition when = ConditionParser.parse(r.node("when"), sub + ".when", params.keySet(), d);
    return new DocumentSpec(
        id,
        path,
        resolved,
        kind,
        from,
        expect(r.node("expect"), sub),
        when,
        r.text("form", false),
        creates(r.node("creates"), sub));
  }

  /** The template's name in the template folders, checked; {@code null} when it is unusable. */
  private String template(
      MappingReader r, String sub, String template, DocumentKind kind, Position at) {
    String resolved = template.startsWith("/") ? template.substring(1) : packId + "/" + template;
    Position where = r.node("template") == null ? at : r.node("template").pos();
    if (!TemplateRoots.isSafeName(resolved)) {
      d.error(
          where,
          sub + ".template",
          Values.show(template) + " is not a template name inside the template folders");
      return null;
    }
    if (!resolved.endsWith(kind.templateSuffix())) {
      d.error(
          where,
          sub + ".template",
          "a "
              + kind.id()
              + " template's name must end in "
              + kind.templateSuffix()
              + " so that its output is escaped for where it lands");
    }
    if (roots.find(resolved).isEmpty()) {
      d.error(
          where,
          sub + ".template",
          "template " + resolved + " was not found in the template folders");
    }
    return resolved;
  }

  private DocumentSpec.Expect expect(Node node, String sub) {
    if (node == null) {
      return DocumentSpec.Expect.NONE;
    }
    MappingReader r = new MappingReader(node, sub + ".expect", d);
    if (!r.ok()) {
      return DocumentSpec.Expect.NONE;
    }
    r.refuseUnknown(EXPECT_KEYS, "expect key");
    String type = r.text("policyType", false);
    if (type != null && !type.equals("identity") && !type.equals("trust")) {
      d.error(r.node("policyType").pos(), sub + ".expect.policyType", "expected identity or trust");
    }
    String from = r.text("resourcesFrom", false);
    if (from != null && !params.containsKey(from)) {
      d.error(
          r.node("resourcesFrom").pos(),
          sub + ".expect.resourcesFrom",
          "names no parameter of this pack" + Suggest.hint(from, params.keySet()));
    }
    List<String> allowOnly = r.texts("allowOnly");
    for (String a : r.texts("actions")) {
      if (!allowOnly.isEmpty() && !allowOnly.contains(a)) {
        d.error(
            r.node("allowOnly").pos(),
            sub + ".expect.allowOnly",
            "leaves out " + a + ", which actions requires");
      }
    }
    return new DocumentSpec.Expect(
        type == null ? "identity" : type,
        r.texts("actions"),
        allowOnly,
        from,
        r.text("principalService", false));
  }

  private List<DocumentSpec.Creates> creates(Node node, String sub) {
    List<DocumentSpec.Creates> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    List<Node> items = node instanceof Node.Sequence seq ? seq.items() : List.of(node);
    for (int i = 0; i < items.size(); i++) {
      String key = sub + ".creates[" + i + "]";
      MappingReader r = new MappingReader(items.get(i), key, d);
      if (!r.ok()) {
        continue;
      }
      r.refuseUnknown(CREATES_KEYS, "creates key");
      String type = r.text("type", true);
      String name = r.text("name", true);
      if (type != null && !CREATABLE.contains(type)) {
        d.error(
            r.node("type").pos(),
            key + ".type",
            Values.show(type) + " is not one of " + String.join(", ", CREATABLE));
      }
      for (String p : name == null ? List.<String>of() : List.of(name)) {
        known(r.node("name"), key + ".name", p);
      }
      List<String> with = r.texts("with");
      with.forEach(w -> known(r.node("with"), key + ".with", w));
      Condition when = ConditionParser.parse(r.node("when"), key + ".when", params.keySet(), d);
      if (type != null && name != null) {
        out.add(new DocumentSpec.Creates(type, name, with, when));
      }
    }
    return out;
  }

  private void known(Node at, String key, String param) {
    if (!params.containsKey(param)) {
      d.error(
          at.pos(),
          key,
          Values.show(param)
              + " names no parameter of this pack"
              + Suggest.hint(param, params.keySet()));
    }
  }
}
