package dev.runwright.site;

import dev.runwright.aws.AwsContext;
import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.core.Version;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;
import dev.runwright.render.Escape;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * YAML front matter for Hugo, JBake and MkDocs: what a page is about and where it came from. A
 * step's page lists only the values its own pack declares, and its hash covers only those, so that
 * changing one key changes only the pages that show it.
 */
final class FrontMatter {
  private FrontMatter() {}

  static String of(Runbook rb, String title, int step, Redactor redactor) {
    PackManifest pack = step == Layout.OVERVIEW ? rb.head() : rb.steps().get(step - 1).pack();
    StringBuilder sb = new StringBuilder(512).append("---\n");
    Set<String> written = new HashSet<>();
    yaml(sb, written, "title", title);
    yaml(sb, written, "runbook", rb.id());
    yaml(sb, written, "step", step == Layout.OVERVIEW ? "overview" : String.valueOf(step));
    sb.append("weight: ").append(step).append('\n');
    yaml(sb, written, "pack", pack.id());
    AwsContext aws = rb.params().aws();
    if (aws != null) {
      yaml(sb, written, "account", aws.account());
      yaml(sb, written, "region", aws.region().code());
      yaml(sb, written, "partition", aws.partition().id());
    }
    StringBuilder shown = new StringBuilder(pack.id());
    for (Map.Entry<String, Object> e : rb.params().values().entrySet()) {
      if (step == Layout.OVERVIEW || pack.parameters().containsKey(e.getKey())) {
        yaml(sb, written, e.getKey(), e.getValue());
        shown.append('\n').append(e.getKey()).append('=').append(e.getValue());
      }
    }
    // The documents the page's step has: which forms (Terraform, CloudFormation...) were chosen.
    List<DocumentSpec> docs =
        step == Layout.OVERVIEW ? rb.overview() : rb.steps().get(step - 1).documents();
    docs.forEach(d -> shown.append("\ndocument=").append(d.path()));
    yaml(sb, written, "type", "page");
    yaml(sb, written, "status", "published");
    yaml(sb, written, "generator", "Runwright " + Version.get());
    yaml(sb, written, "inputHash", Runbook.sha256(redactor.text(shown.toString())));
    return redactor.text(sb.append("---\n\n").toString());
  }

  /** One front-matter key with a text value or a list of them, each double-quoted. */
  private static void yaml(StringBuilder sb, Set<String> written, String key, Object value) {
    if (value == null || !written.add(key)) {
      return;
    }
    sb.append(key).append(':');
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        sb.append(" []\n");
        return;
      }
      sb.append('\n');
      for (Object item : list) {
        sb.append("  - ").append(Escape.yamlString(String.valueOf(item))).append('\n');
      }
    } else {
      sb.append(' ').append(Escape.yamlString(String.valueOf(value))).append('\n');
    }
  }
}
