package dev.runwright.pack;

import dev.runwright.config.Diagnostics;
import dev.runwright.config.MappingReader;
import dev.runwright.config.Node;
import dev.runwright.config.Suggest;
import dev.runwright.config.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a manifest's {@code parameters:}, reporting every mistake with its position. */
final class ParameterParser {
  private ParameterParser() {}

  private static final Pattern PARAM_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");
  private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private static final List<String> PARAM_KEYS =
      List.of(
          "type",
          "list",
          "required",
          "default",
          "pattern",
          "values",
          "min",
          "max",
          "maxLength",
          "minItems",
          "maxItems",
          "help",
          "example",
          "whenMissing",
          "flag",
          "flagLabel",
          "index");
  private static final List<String> INDEX_KEYS = List.of("label", "show", "filter", "summary");

  /** Flags every command has, which no parameter may take. */
  static final List<String> RESERVED_FLAGS =
      List.of(
          "--config",
          "--id",
          "--pack",
          "--set",
          "--templates",
          "--out",
          "--print",
          "--help",
          "--version",
          "--verbose",
          "--quiet",
          "--strict",
          "--force",
          "--forms",
          "--no-follow-ups",
          "--max-input-bytes");

  static Map<String, ParameterSpec> parse(Node node, Diagnostics d) {
    Map<String, ParameterSpec> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    MappingReader all = new MappingReader(node, "parameters", d);
    if (!all.ok()) {
      return out;
    }
    for (Node.Field f : all.mapping().fields().values()) {
      String name = f.key();
      if (!PARAM_NAME.matcher(name).matches() || PackCatalog.RESERVED.contains(name)) {
        d.error(
            f.keyPos(),
            "parameters",
            Values.show(name)
                + (PackCatalog.RESERVED.contains(name)
                    ? " is reserved"
                    : " is not a parameter name; expected camelCase letters and digits"));
        continue;
      }
      ParameterSpec spec = one(f, d);
      if (spec != null) {
        ParameterResolver.checkDefault(spec, d);
        out.put(name, spec);
      }
    }
    return out;
  }

  private static ParameterSpec one(Node.Field f, Diagnostics d) {
    String sub = "parameters." + f.key();
    MappingReader p = new MappingReader(f.value(), sub, d);
    if (!p.ok()) {
      return null;
    }
    p.refuseUnknown(PARAM_KEYS, "parameter key");
    String typeName = p.text("type", true);
    ParamType type = null;
    if (typeName != null) {
      type = ParamTypes.get(typeName).orElse(null);
      if (type == null) {
        d.error(
            p.node("type").pos(),
            sub + ".type",
            "unknown type "
                + Values.show(typeName)
                + Suggest.hint(typeName, ParamTypes.ids())
                + " (types: "
                + String.join(", ", ParamTypes.ids())
                + ")");
      }
    }
    Pattern pattern = pattern(p, sub, d);
    List<String> values = p.texts("values");
    if ("enum".equals(typeName) && values.isEmpty()) {
      d.error(p.mapping().pos(), sub, "is an enum without values; add values: [a, b]");
    }
    Integer minItems = p.integer("minItems");
    Integer min = p.integer("min");
    Integer max = p.integer("max");
    if (min != null && max != null && min > max) {
      d.error(p.node("min").pos(), sub + ".min", min + " is above max " + max);
    }
    ParameterSpec.Flag flag = flag(p, sub, d);
    ParameterSpec.Index index = index(p.node("index"), sub, f.key(), d);
    if (type == null) {
      return null;
    }
    return new ParameterSpec(
        f.key(),
        type,
        p.flag("list", false),
        p.flag("required", false),
        p.node("default"),
        pattern,
        values,
        min,
        max,
        p.integer("maxLength"),
        minItems == null ? 0 : minItems,
        p.integer("maxItems"),
        p.text("help", false),
        p.text("example", false),
        p.text("whenMissing", false),
        flag,
        index,
        f.keyPos());
  }

  private static Pattern pattern(MappingReader p, String sub, Diagnostics d) {
    String regex = p.text("pattern", false);
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      d.error(
          p.node("pattern").pos(),
          sub + ".pattern",
          "is not a regular expression: " + e.getDescription());
      return null;
    }
  }

  private static ParameterSpec.Flag flag(MappingReader p, String sub, Diagnostics d) {
    String name = p.text("flag", false);
    String label = p.text("flagLabel", false);
    if (name == null) {
      if (label != null) {
        d.error(p.node("flagLabel").pos(), sub + ".flagLabel", "has no use without flag");
      }
      return null;
    }
    if (!FLAG.matcher(name).matches()) {
      d.error(
          p.node("flag").pos(),
          sub + ".flag",
          Values.show(name)
              + " is not a long option; expected -- and lower-case words joined by -");
    } else if (RESERVED_FLAGS.contains(name)) {
      d.error(p.node("flag").pos(), sub + ".flag", name + " is Runwright's own option");
    }
    return new ParameterSpec.Flag(name, label == null ? "VALUE" : label);
  }

  private static ParameterSpec.Index index(Node node, String sub, String name, Diagnostics d) {
    if (node == null) {
      return null;
    }
    if (node instanceof Node.Scalar s && (s.text().equals("true") || s.text().equals("false"))) {
      return s.text().equals("true")
          ? new ParameterSpec.Index(label(name), true, true, false)
          : null;
    }
    MappingReader r = new MappingReader(node, sub + ".index", d);
    if (!r.ok()) {
      return null;
    }
    r.refuseUnknown(INDEX_KEYS, "index key");
    String label = r.text("label", false);
    return new ParameterSpec.Index(
        label == null ? label(name) : label,
        r.flag("show", true),
        r.flag("filter", true),
        r.flag("summary", false));
  }

  /** "clusterId" as a label: "Cluster id". */
  static String label(String name) {
    String spaced = name.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
