package dev.runwright.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resource ARN format of AWS's service reference, such as {@code
 * arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}}. Every {@code ${...}}
 * placeholder stands for any text, as the data's README asks: its names are rebuilt and not always
 * AWS's. Immutable.
 */
public final class ArnFormat {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

  private final String prefix;
  private final String type;
  private final String template;
  private final String service;
  private final Pattern region;
  private final Pattern account;
  private final Pattern resource;
  private final String resourceWord;

  ArnFormat(String prefix, String type, String template) {
    this.prefix = prefix;
    this.type = type;
    this.template = template;
    String[] parts = template.split(":", 6);
    this.service = parts[2];
    this.region = pattern(parts[3]);
    this.account = pattern(parts[4]);
    String r = parts.length > 5 ? parts[5] : "";
    this.resource = pattern(r);
    int cut = 0;
    while (cut < r.length() && r.charAt(cut) != '/' && r.charAt(cut) != ':') {
      cut++;
    }
    this.resourceWord = r.substring(0, cut).contains("${") ? "" : r.substring(0, cut);
  }

  /** The service prefix whose data lists this format. */
  public String prefix() {
    return prefix;
  }

  /** The resource type's name, such as {@code function} or {@code object}. */
  public String type() {
    return type;
  }

  public String template() {
    return template;
  }

  /** The service part of the ARN, which is not always the prefix ({@code sts} names iam roles). */
  public String service() {
    return service;
  }

  /**
   * The resource's leading word before {@code /} or {@code :}, such as {@code function}; empty when
   * the resource starts with a placeholder, as an S3 bucket's does.
   */
  public String resourceWord() {
    return resourceWord;
  }

  /**
   * Whether an ARN with these parts can name a resource of this format. In the parts, {@code *} and
   * {@code ?} are IAM wildcards: a part matches when some text it covers would.
   */
  public boolean matches(String region, String account, String resource) {
    return matches(this.region, region)
        && matches(this.account, account)
        && matchesResource(resource);
  }

  /** Whether the resource part alone fits this format. */
  public boolean matchesResource(String resource) {
    return matches(this.resource, resource);
  }

  private static boolean matches(Pattern p, String part) {
    int cut = wildcard(part);
    if (cut < 0) {
      return p.matcher(part).matches();
    }
    // The text before the first wildcard must be the start of something the format allows.
    Matcher m = p.matcher(part.substring(0, cut));
    return m.matches() || m.hitEnd();
  }

  private static int wildcard(String part) {
    for (int i = 0; i < part.length(); i++) {
      if (part.charAt(i) == '*' || part.charAt(i) == '?') {
        return i;
      }
    }
    return -1;
  }

  /** A placeholder is any text but empty; a {@code *} in the data itself is any text at all. */
  private static Pattern pattern(String part) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(part);
    int last = 0;
    while (m.find()) {
      literal(regex, part.substring(last, m.start()));
      regex.append(".+");
      last = m.end();
    }
    literal(regex, part.substring(last));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static void literal(StringBuilder regex, String text) {
    String[] pieces = text.split("\\*", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      if (!pieces[i].isEmpty()) {
        regex.append(Pattern.quote(pieces[i]));
      }
    }
  }

  @Override
  public String toString() {
    return type + " (" + template + ")";
  }
}
