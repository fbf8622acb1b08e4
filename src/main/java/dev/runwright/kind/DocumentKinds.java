package dev.runwright.kind;

import dev.runwright.render.Escaping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The document kinds manifests can name. A new kind is one class and one entry in this list. */
public final class DocumentKinds {
  private DocumentKinds() {}

  /** Every built-in kind, in the order {@code runwright packs} lists them. */
  public static final List<DocumentKind> BUILT_IN =
      List.of(
          new PolicyJsonKind(),
          new JsonKind(),
          new MarkdownKind(),
          new PageKind(),
          new TerraformKind(),
          new CloudFormationKind(),
          new SsmAutomationKind(),
          new CodeKind());

  /** The kind called {@code id}, or {@code null}. */
  public static DocumentKind get(String id) {
    for (DocumentKind k : BUILT_IN) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    return null;
  }

  /** Every kind's name. */
  public static List<String> ids() {
    return BUILT_IN.stream().map(DocumentKind::id).toList();
  }

  /** How values are escaped in templates, by file ending, for the template engine. */
  public static Map<String, Escaping> escapings() {
    Map<String, Escaping> out = new LinkedHashMap<>();
    for (DocumentKind k : BUILT_IN) {
      if (k.escaping() != null) {
        Escaping before = out.putIfAbsent(k.templateSuffix(), k.escaping());
        if (before != null && !before.equals(k.escaping())) {
          throw new IllegalStateException(
              "kinds escape " + k.templateSuffix() + " templates in two ways");
        }
      }
    }
    return out;
  }
}
