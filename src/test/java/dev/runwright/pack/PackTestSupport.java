package dev.runwright.pack;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.Node;
import dev.runwright.config.YamlReader;
import java.util.List;
import java.util.Map;

/** YAML snippets as the pack parsers see them, and their diagnostics as the user reads them. */
final class PackTestSupport {
  private PackTestSupport() {}

  private static final YamlReader YAML = new YamlReader();

  /** {@code text} parsed as if it were the file {@code pack.yaml}. */
  static Node yaml(String text) {
    return YAML.parse(text, "pack.yaml");
  }

  /** The parameters of a {@code parameters:} value that must have no errors. */
  static Map<String, ParameterSpec> params(String text) {
    return params("pack.yaml", text);
  }

  /** As {@link #params(String)}, read from the file {@code file}. */
  static Map<String, ParameterSpec> params(String file, String text) {
    Diagnostics d = new Diagnostics();
    Map<String, ParameterSpec> p = ParameterParser.parse(YAML.parse(text, file), d);
    assertFalse(d.hasErrors(), () -> d.all().toString());
    return p;
  }

  /** Each error as its one printed line: {@code pack.yaml:1:9: error: subject: message}. */
  static List<String> errors(Diagnostics d) {
    return d.all().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
  }

  /** A step pack with these parameters and no documents. */
  static PackManifest manifest(String id, Map<String, ParameterSpec> params) {
    return new PackManifest(
        id,
        id,
        "",
        id,
        id,
        null,
        id,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        params,
        List.of(),
        id + "/pack.yaml");
  }

  static List<String> warnings(Diagnostics d) {
    return d.warnings().stream().map(Diagnostic::toString).toList();
  }
}
