package dev.runwright.pack;

import dev.runwright.aws.AwsContext;
import dev.runwright.aws.InvalidValueException;
import dev.runwright.aws.KmsKey;
import dev.runwright.aws.NamedResource;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.Node;
import dev.runwright.config.Suggest;
import dev.runwright.config.Values;
import dev.runwright.config.Yaml11;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts one parameter's value as written into the value templates see, checking it against the
 * manifest's rules and the type's, and reporting every problem with its position.
 */
final class ValueConverter {
  private ValueConverter() {}

  static Object convert(
      ParameterSpec spec, Node node, AwsContext aws, boolean exact, Diagnostics d) {
    if (!spec.list()) {
      if (!(node instanceof Node.Scalar s)) {
        d.error(node.pos(), spec.name(), "is " + node.kind() + "; expected " + spec.expected());
        return null;
      }
      return convertOne(spec, s, spec.name(), aws, d);
    }
    List<Node> items =
        node instanceof Node.Sequence seq ? seq.items() : List.of(node); // one value, one item
    if (node instanceof Node.Mapping) {
      d.error(node.pos(), spec.name(), "is a mapping; expected " + spec.expected());
      return null;
    }
    int min = Math.max(spec.minItems(), spec.required() ? 1 : 0);
    if (items.size() < min) {
      d.error(
          node.pos(),
          spec.name(),
          "has "
              + items.size()
              + " item"
              + (items.size() == 1 ? "" : "s")
              + "; expected at least "
              + min
              + ", each "
              + spec.type().expected());
    }
    if (spec.maxItems() != null && items.size() > spec.maxItems()) {
      d.error(
          node.pos(),
          spec.name(),
          "has " + items.size() + " items; expected at most " + spec.maxItems());
    }
    List<Object> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> seenArns = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String sub = spec.name() + "[" + i + "]";
      Node item = items.get(i);
      if (!(item instanceof Node.Scalar s) || s.isNull()) {
        d.error(item.pos(), sub, "is " + item.kind() + "; expected " + spec.type().expected());
        continue;
      }
      Integer first = seen.putIfAbsent(s.text(), i);
      if (first != null) {
        d.error(
            item.pos(),
            sub,
            Values.show(s.text()) + " repeats " + spec.name() + "[" + first + "]; list it once");
        continue;
      }
      Object v = convertOne(spec, s, sub, aws, d);
      String arn = exact ? arnOf(v) : null; // only real ARNs say two items are the same
      Integer sameArn = arn == null ? null : seenArns.putIfAbsent(arn, i);
      if (sameArn != null) {
        d.error(
            item.pos(),
            sub,
            Values.show(s.text())
                + " names the same resource as "
                + spec.name()
                + "["
                + sameArn
                + "] ("
                + arn
                + "); list it once");
        continue;
      }
      if (v != null) {
        out.add(v);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Object convertOne(
      ParameterSpec spec, Node.Scalar s, String subject, AwsContext aws, Diagnostics d) {
    String text = s.text();
    String shown = Values.show(text);
    if (!spec.values().isEmpty() && !spec.values().contains(text)) {
      d.error(
          s.pos(),
          subject,
          shown
              + " is not allowed; expected one of "
              + String.join(", ", spec.values())
              + Suggest.hint(text, spec.values()));
      return null;
    }
    if (spec.maxLength() != null && text.codePointCount(0, text.length()) > spec.maxLength()) {
      d.error(
          s.pos(),
          subject,
          shown + " is too long; expected at most " + spec.maxLength() + " characters");
      return null;
    }
    if (spec.pattern() != null && !spec.pattern().matcher(text).matches()) {
      d.error(
          s.pos(),
          subject,
          shown
              + " does not match the pattern "
              + spec.pattern().pattern()
              + (spec.help() == null ? "" : " (" + spec.help() + ")"));
      return null;
    }
    Object value;
    try {
      value = spec.type().convert(text, aws);
    } catch (InvalidValueException e) {
      String expected = e.expected();
      if (expected != null && (spec.min() != null || spec.max() != null)) {
        expected += range(spec);
      }
      d.error(
          s.pos(),
          subject,
          shown
              + " "
              + e.getMessage()
              + (expected == null ? "" : "; expected " + expected)
              + (padded(text) ? " (it has spaces at the start or end)" : ""));
      return null;
    }
    for (String advice : spec.type().advice(value)) {
      d.warning(s.pos(), subject, shown + " " + advice);
    }
    int invisible = Values.firstInvisible(text);
    if (invisible >= 0) {
      d.warning(
          s.pos(),
          subject,
          shown
              + String.format(
                  " holds U+%04X, an invisible character that changes how the text reads"
                      + " (in a runbook, a shell command or the console); remove it unless you"
                      + " mean it",
                  invisible));
    }
    if (s.style() == Node.Style.PLAIN && !s.pos().isFlag()) {
      // Runwright keeps unquoted text as written; YAML 1.1 tools may not (issue 20).
      Yaml11.difference(text, value)
          .ifPresent(why -> d.warning(s.pos(), subject, shown + " " + why));
    }
    if (value instanceof Integer n) {
      if ((spec.min() != null && n < spec.min()) || (spec.max() != null && n > spec.max())) {
        d.error(
            s.pos(), subject, shown + " is out of range; expected a whole number" + range(spec));
        return null;
      }
    }
    return value;
  }

  private static boolean padded(String text) {
    return !text.isEmpty()
        && " \t".indexOf(text.charAt(0)) + " \t".indexOf(text.charAt(text.length() - 1)) > -2;
  }

  /** " from 2 to 3", " of at least 1" or " of at most 9", for a parameter with bounds. */
  private static String range(ParameterSpec spec) {
    if (spec.min() != null && spec.max() != null) {
      return " from " + spec.min() + " to " + spec.max();
    }
    return spec.min() != null ? " of at least " + spec.min() : " of at most " + spec.max();
  }

  /** Whether {@code v} is a value whose ARN is known. */
  static String arnOf(Object v) {
    if (v instanceof KmsKey k) {
      return k.arn();
    }
    if (v instanceof dev.runwright.aws.LambdaFunction f) {
      return f.arn();
    }
    if (v instanceof dev.runwright.aws.S3Location l) {
      return l.uri();
    }
    if (v instanceof NamedResource r) {
      return r.arn();
    }
    return null;
  }
}
