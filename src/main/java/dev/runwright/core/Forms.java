package dev.runwright.core;

import dev.runwright.config.Diagnostics;
import dev.runwright.config.Node;
import dev.runwright.config.RunbookInput;
import dev.runwright.config.Suggest;
import dev.runwright.config.Values;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.Procedure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ways of applying a runbook it gets beside the console and the CLI: the documents that
 * declare a {@code form:} (Terraform, CloudFormation, an SSM Automation runbook, or a pack's own).
 * {@code forms: [terraform]} (or {@code --forms terraform}) keeps only those; {@code forms: []} or
 * {@code --forms none} none; without it, every form the packs have.
 */
final class Forms {
  private Forms() {}

  /** The forms the runbook gets, or {@code null} after reporting a wrong {@code forms:} to d. */
  static Set<String> chosen(Procedure procedure, RunbookInput input, Diagnostics d) {
    Set<String> known = procedure.forms();
    Node.Field field = input.fields().get("forms");
    if (field == null) {
      return known;
    }
    Node v = field.value();
    List<Node> items =
        v instanceof Node.Sequence seq
            ? seq.items()
            : v instanceof Node.Scalar s && !s.isNull() ? List.of(v) : List.of();
    Set<String> out = new LinkedHashSet<>();
    boolean ok = true;
    for (Node item : items) {
      String name = item instanceof Node.Scalar s ? s.text() : null;
      if ("none".equals(name) || DocumentSpec.MARKDOWN_FORMS.contains(name)) {
        continue; // the console and CLI forms are part of every runbook's Markdown
      }
      if (name == null || !known.contains(name)) {
        String label = input.label().isEmpty() ? "forms" : input.label() + ": forms";
        d.error(
            item.pos(),
            label,
            (name == null
                    ? "is " + item.kind()
                    : Values.show(name) + " is not a form of these packs")
                + Suggest.hint(name == null ? "" : name, known)
                + "; expected a list of "
                + String.join(", ", DocumentSpec.MARKDOWN_FORMS)
                + (known.isEmpty() ? "" : ", " + String.join(", ", known))
                + ", or none");
        ok = false;
      } else {
        out.add(name);
      }
    }
    return ok ? out : null;
  }
}
