package dev.runwright.pack;

import dev.runwright.config.Node;
import dev.runwright.render.Escape;
import java.util.List;
import java.util.Map;

/**
 * A commented starter YAML for a pack, one runbook or an inventory, that validates as it is:
 * required parameters are filled with examples, optional ones are commented out with their
 * defaults, and every parameter carries its help text.
 */
public final class StarterYaml {
  private StarterYaml() {}

  private static final Map<String, String> EXAMPLES =
      Map.ofEntries(
          Map.entry("aws-account-id", "111122223333"),
          Map.entry("aws-region", "us-east-1"),
          Map.entry("kms-key", "1234abcd-12ab-34cd-56ef-1234567890ab"),
          Map.entry("iam-policy-name", "ExamplePolicy"),
          Map.entry("iam-role-name", "ExampleRole"),
          Map.entry("iam-policy-description", "What this policy is for"),
          Map.entry("iam-role-description", "What this role is for"),
          Map.entry("rds-cluster-id", "example-cluster"),
          Map.entry("rds-parameter-group-name", "example-cluster-s3-access"),
          Map.entry("s3-bucket-name", "example-bucket"),
          Map.entry("integer", "1"),
          Map.entry("boolean", "false"),
          Map.entry("string", "example"));

  /**
   * The starter file.
   *
   * @param packId the pack the runbook uses
   * @param params the parameters of the pack and its follow-ups
   * @param inventory whether to write an inventory rather than one runbook
   * @param schemaRef the schema's location for the YAML language server
   */
  public static String write(
      String packId, Map<String, ParameterSpec> params, boolean inventory, String schemaRef) {
    return write(packId, params, inventory, schemaRef, List.of(), java.util.Set.of());
  }

  /**
   * As {@link #write(String, Map, boolean, String)}, with the template folders the file needs (for
   * a pack that is not built in), relative to the file, and the optional parameters to fill with
   * examples too (those a procedure needs one of, and those left as placeholders otherwise).
   */
  public static String write(
      String packId,
      Map<String, ParameterSpec> params,
      boolean inventory,
      String schemaRef,
      List<String> templates,
      java.util.Set<String> filled) {
    StringBuilder sb = new StringBuilder();
    sb.append("# yaml-language-server: $schema=").append(schemaRef).append('\n');
    if (!templates.isEmpty()) {
      sb.append("# Template folders, relative to this file, searched before the built-ins.\n")
          .append("templates:\n");
      for (String t : templates) {
        sb.append("  - ").append(quoted(t)).append('\n');
      }
    }
    if (inventory) {
      sb.append("# A Runwright inventory. Publish it with:\n")
          .append("#   runwright site --config THIS-FILE --out public\n")
          .append("#   runwright wiki --config THIS-FILE --out my-repo.wiki\n")
          .append("title: Our runbooks\n")
          .append("# baseUrl: https://runbooks.example.internal/   # enables sitemap.xml\n")
          .append(
              "defaults:                 # merged into every entry; an entry's own value"
                  + " wins\n");
      if (!packId.equals(PackCatalog.DEFAULT_PACK)) {
        sb.append("  pack: ").append(packId).append('\n');
      } else {
        sb.append("  # pack: ").append(packId).append('\n');
      }
      sb.append("runbooks:\n").append("  - id: example            # a URL-safe slug\n");
      body(sb, params, "    ", filled);
    } else {
      sb.append("# A Runwright runbook. Generate it with:\n")
          .append("#   runwright generate --config THIS-FILE --out out\n")
          .append("# Flags override what is set here (runwright generate --help).\n");
      if (!packId.equals(PackCatalog.DEFAULT_PACK)) {
        sb.append("pack: ").append(packId).append("\n\n");
      }
      body(sb, params, "", filled);
    }
    return sb.toString();
  }

  /** {@code s} as a double-quoted YAML scalar. */
  private static String quoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\x%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static void body(
      StringBuilder sb,
      Map<String, ParameterSpec> params,
      String indent,
      java.util.Set<String> filled) {
    for (ParameterSpec p : params.values()) {
      sb.append('\n');
      if (p.help() != null) {
        for (String line : wrap(p.help(), 92 - indent.length())) {
          sb.append(indent).append("# ").append(line).append('\n');
        }
      }
      boolean set = p.required() || filled.contains(p.name());
      String prefix = set ? indent : indent + "# ";
      String value = set ? example(p) : defaultOrExample(p);
      if (p.list()) {
        sb.append(prefix).append(p.name()).append(":\n");
        for (String item : items(value)) {
          sb.append(prefix).append("  - ").append(quote(item)).append('\n');
        }
      } else {
        sb.append(prefix).append(p.name()).append(": ").append(quote(value)).append('\n');
      }
    }
  }

  private static String example(ParameterSpec p) {
    if (p.example() != null) {
      return p.example();
    }
    if (!p.values().isEmpty()) {
      return p.values().get(0);
    }
    return EXAMPLES.getOrDefault(p.type().id(), "example");
  }

  private static String defaultOrExample(ParameterSpec p) {
    Node d = p.defaultValue();
    if (d instanceof Node.Scalar s && !s.isNull()) {
      return s.text();
    }
    if (d instanceof Node.Sequence seq) {
      StringBuilder sb = new StringBuilder();
      for (Node item : seq.items()) {
        if (item instanceof Node.Scalar s) {
          sb.append(sb.length() == 0 ? "" : "\n").append(s.text());
        }
      }
      return sb.toString();
    }
    return example(p);
  }

  private static List<String> items(String value) {
    return List.of(value.split("\n"));
  }

  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_./:+=,@-]*");
  private static final java.util.Set<String> YAML_WORDS =
      java.util.Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

  /** Plain when YAML cannot misread it, else double-quoted (JSON's syntax is valid YAML). */
  private static String quote(String value) {
    if (PLAIN.matcher(value).matches()
        && !YAML_WORDS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
      return value;
    }
    return Escape.jsonString(value);
  }

  private static List<String> wrap(String text, int width) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }
}
