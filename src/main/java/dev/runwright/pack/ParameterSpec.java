package dev.runwright.pack;

import dev.runwright.config.Node;
import dev.runwright.config.Position;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One parameter a pack declares in its manifest.
 *
 * @param name the camelCase name used in YAML and templates
 * @param type the type, which brings its AWS rules
 * @param list whether the value is a list of values of the type
 * @param required whether a value must be given (a default counts as given)
 * @param defaultValue the default as written in the manifest, or {@code null}
 * @param pattern a regular expression every value must match, or {@code null}
 * @param values the allowed values of an {@code enum}, or an empty list
 * @param min the smallest allowed {@code integer}, or {@code null}
 * @param max the largest allowed {@code integer}, or {@code null}
 * @param maxLength the longest allowed text, or {@code null}
 * @param minItems the fewest items of a list
 * @param maxItems the most items of a list, or {@code null}
 * @param help one sentence for help tables and the schema
 * @param example an example value for starter files
 * @param whenMissing a note printed when the parameter is not given, or {@code null}
 * @param flag the command-line flag that sets it ({@code flag: --cluster-id}), or {@code null}:
 *     then it is set with {@code --set NAME=VALUE}
 * @param index how the site index and the wiki home page show it, or {@code null} when they do not
 * @param declaredAt where the manifest declares it
 */
public record ParameterSpec(
    String name,
    ParamType type,
    boolean list,
    boolean required,
    Node defaultValue,
    Pattern pattern,
    List<String> values,
    Integer min,
    Integer max,
    Integer maxLength,
    int minItems,
    Integer maxItems,
    String help,
    String example,
    String whenMissing,
    Flag flag,
    Index index,
    Position declaredAt) {

  public ParameterSpec {
    values = List.copyOf(values);
  }

  /**
   * A parameter's command-line flag.
   *
   * @param name the long option, such as {@code --cluster-id}
   * @param label what its value is called in help ({@code ID})
   */
  public record Flag(String name, String label) {}

  /**
   * How the site index and the wiki home page show a parameter.
   *
   * @param label the column or field name, such as "Cluster"
   * @param show whether each entry shows the value (lists show how many)
   * @param filter whether the index's filter box matches it
   * @param summary whether the value is the entry's one-line summary, shown under its title
   */
  public record Index(String label, boolean show, boolean filter, boolean summary) {}

  /** The same parameter, shown in the index as {@code ix} says. */
  public ParameterSpec withIndex(Index ix) {
    return new ParameterSpec(
        name,
        type,
        list,
        required,
        defaultValue,
        pattern,
        values,
        min,
        max,
        maxLength,
        minItems,
        maxItems,
        help,
        example,
        whenMissing,
        flag,
        ix,
        declaredAt);
  }

  /** The same parameter, not required (a conditional step requires it only when it applies). */
  ParameterSpec optional() {
    return new ParameterSpec(
        name,
        type,
        list,
        false,
        defaultValue,
        pattern,
        values,
        min,
        max,
        maxLength,
        minItems,
        maxItems,
        help,
        example,
        whenMissing,
        flag,
        index,
        declaredAt);
  }

  /** The same parameter with the flag another pack declares for it. */
  ParameterSpec withFlag(Flag f) {
    return new ParameterSpec(
        name,
        type,
        list,
        required,
        defaultValue,
        pattern,
        values,
        min,
        max,
        maxLength,
        minItems,
        maxItems,
        help,
        example,
        whenMissing,
        f,
        index,
        declaredAt);
  }

  /**
   * The flag that sets this parameter, as messages name it: {@code --account} or {@code --set
   * NAME}.
   */
  public String flagName() {
    return flag != null ? flag.name() : "--set " + name;
  }

  /**
   * The default as a JSON value for machines ({@code packs --json}, the schema): a list stays a
   * list, an integer is a number, a boolean is a boolean; {@code null} when there is none.
   */
  public Object defaultJson() {
    if (defaultValue instanceof Node.Sequence seq) {
      List<Object> items = new java.util.ArrayList<>();
      for (Node i : seq.items()) {
        items.add(i instanceof Node.Scalar s ? scalarJson(s.text()) : null);
      }
      return items;
    }
    if (defaultValue instanceof Node.Scalar s && !s.isNull()) {
      return scalarJson(s.text());
    }
    return null;
  }

  private Object scalarJson(String text) {
    if (type.id().equals("integer") && text.matches("-?[0-9]{1,18}")) {
      return Long.parseLong(text);
    }
    if (type.id().equals("boolean") && (text.equals("true") || text.equals("false"))) {
      return Boolean.parseBoolean(text);
    }
    return text;
  }

  /** What a valid value looks like, for messages. */
  public String expected() {
    String one = values.isEmpty() ? type.expected() : "one of " + String.join(", ", values);
    if (pattern != null && values.isEmpty()) {
      one = one + " matching " + pattern.pattern();
    }
    return list ? "a list, each item " + one : one;
  }
}
