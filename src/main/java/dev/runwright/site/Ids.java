package dev.runwright.site;

import dev.runwright.aws.AwsContext;
import dev.runwright.config.Values;
import dev.runwright.core.Runbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Runbook ids: URL-safe slugs that name a folder of a site or a page of a wiki. */
public final class Ids {
  private Ids() {}

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** Ids that would clash with the site's own files or the wiki's own pages. */
  static final Set<String> RESERVED =
      Set.of("assets", "index", "404", "sitemap", "home", "sidebar");

  /** Why {@code id} cannot be an id, or {@code null} when it can. */
  public static String problem(String id) {
    if (RESERVED.contains(id)) {
      return Values.show(id) + " is reserved for the site's own files; choose another id";
    }
    if (SLUG.matcher(id).matches() && id.length() <= 100) {
      return null;
    }
    String slug = slug(id);
    return Values.show(id)
        + " is not a URL-safe slug; expected lower-case letters, digits and single hyphens"
        + " (no /, .., spaces or capitals)"
        + (slug.isEmpty() ? "" : ", such as \"" + slug + "\"");
  }

  /**
   * The id a runbook gets when it has none: account, Region and the first value its pack names in
   * {@code idFrom} (else the pack's id), as a slug, with every account ID the redactor hides
   * masked.
   */
  public static String derive(Runbook rb, Redactor redactor) {
    return fromSource(source(rb), redactor);
  }

  /** What {@link #derive} makes an id of: account, Region and the value, before any masking. */
  static String source(Runbook rb) {
    AwsContext aws = rb.params().aws();
    StringBuilder sb = new StringBuilder();
    if (aws != null) {
      sb.append(aws.account()).append('-').append(aws.region().code()).append('-');
    }
    Object from = null;
    List<String> names = new ArrayList<>(rb.head().idFrom());
    rb.steps().forEach(s -> names.addAll(s.pack().idFrom()));
    for (String name : names) {
      Object v = rb.params().values().get(name);
      if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
        from = v instanceof List<?> l ? l.get(0) : v;
        break;
      }
    }
    sb.append(from != null ? from.toString() : rb.head().id());
    return sb.toString();
  }

  /** The id {@link #derive} gives a runbook whose {@link #source} is {@code source}. */
  static String fromSource(String source, Redactor redactor) {
    return slug(redactor.slug(source));
  }

  /** {@code text} lower-cased, with every run of other characters made one hyphen. */
  static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    return s.length() > 100 ? s.substring(0, 100).replaceAll("-+$", "") : s;
  }
}
