package dev.runwright.site;

import dev.runwright.aws.AccountId;
import dev.runwright.core.Runbook;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Masks the account IDs an inventory names ({@code --redact-accounts}). The mask is a placeholder
 * that is neither an account ID nor a wildcard: {@code 111122223333}, and {@code 1111-2222-3333} as
 * the console shows it, become {@code <account-3333>} ({@code <account-3333-2>} for a second
 * account that ends in the same four digits, so that different accounts stay different). IAM
 * refuses a policy that holds it, so a published policy can never grant more than the one that was
 * checked. Ids and URL slugs get {@code xxxxxxxx3333}. Only twelve-digit runs that are known
 * account IDs are masked, so key IDs and other numbers stay as they are.
 *
 * <p>Redaction happens on a runbook's values ({@link #runbook}) before it is rendered, so that
 * templates escape and quote the placeholder like any value; {@link #published} is the last pass
 * over each file, for an account a template wrote literally. Thread-safe.
 */
public final class Redactor {
  /** A redactor that changes nothing. */
  public static final Redactor NONE = new Redactor(Set.of());

  /** Each known account's placeholder. */
  private final Map<String, String> placeholders;

  public Redactor(Set<String> accounts) {
    Map<String, String> out = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String account : new TreeSet<>(accounts)) {
      String last = account.substring(8);
      int n = seen.merge(last, 1, Integer::sum);
      out.put(account, AccountId.placeholder(last, n));
    }
    this.placeholders = Map.copyOf(out);
  }

  public boolean active() {
    return !placeholders.isEmpty();
  }

  /** {@code text} with every known account ID replaced by its placeholder. */
  public String text(String text) {
    return mask(text, placeholders::get, grouped -> placeholders.get(grouped));
  }

  /** An account ID as a URL slug part: {@code xxxxxxxx3333}. */
  public String slug(String text) {
    return mask(text, a -> "xxxxxxxx" + a.substring(8), a -> "xxxx-xxxx-" + a.substring(8));
  }

  /**
   * The last pass over a published file, for an account ID a template wrote itself rather than took
   * from a value: its placeholder as the file's format needs it. JSON and YAML hold it as the
   * values do (inside their strings); HTML and XML escape its angle brackets; Markdown and other
   * text get {@code account-3333}, which reads the same in a paragraph, a code span and a shell
   * command.
   */
  public String published(String path, String text) {
    if (!active()) {
      return text;
    }
    String name = path.toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
      return text(text);
    }
    Function<String, String> as;
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xml")) {
      as = p -> p.replace("<", "&lt;").replace(">", "&gt;");
    } else {
      as = p -> p.substring(1, p.length() - 1);
    }
    return mask(text, a -> as.apply(placeholders.get(a)), a -> as.apply(placeholders.get(a)));
  }

  /**
   * {@code out} with {@link #published} done on each line written to it, for a large file written
   * as it is made (an account ID never spans lines). {@code out} itself when nothing is masked.
   */
  public java.io.Writer publishing(String path, java.io.Writer out) {
    return lines(out, line -> published(path, line));
  }

  /** {@code out} with {@link #text} done on each line written to it; {@code out} when inactive. */
  public java.io.Writer masking(java.io.Writer out) {
    return lines(out, this::text);
  }

  private java.io.Writer lines(java.io.Writer out, java.util.function.UnaryOperator<String> f) {
    if (!active()) {
      return out;
    }
    return new java.io.Writer() {
      private final StringBuilder line = new StringBuilder();

      @Override
      public void write(char[] cbuf, int off, int len) throws java.io.IOException {
        for (int i = off; i < off + len; i++) {
          line.append(cbuf[i]);
          if (cbuf[i] == '\n') {
            out.write(f.apply(line.toString()));
            line.setLength(0);
          }
        }
      }

      @Override
      public void flush() throws java.io.IOException {
        out.flush();
      }

      @Override
      public void close() throws java.io.IOException {
        if (line.length() > 0) {
          out.write(f.apply(line.toString()));
          line.setLength(0);
        }
        out.flush();
      }
    };
  }

  /**
   * {@code rb} with every text in its values masked: the parameters, the typed AWS values (key
   * ARNs, named resources, the account and Region), the values as given (front matter, the input
   * hash), its label, its notes and the like. Typed values are records, copied component by
   * component; the id (already a masked slug) and the pack's structure are kept.
   *
   * @throws IllegalStateException when a value is of a kind that cannot be masked
   */
  public Runbook runbook(Runbook rb) {
    if (!active()) {
      return rb;
    }
    return (Runbook) record(rb, RUNBOOK_STRUCTURE);
  }

  /**
   * The components of a {@link Runbook} that are its pack's structure, not the user's values: kept
   * as they are. Every other component is masked, so one added later is masked too, or fails loudly
   * when it cannot be.
   */
  private static final Set<String> RUNBOOK_STRUCTURE =
      Set.of("id", "head", "steps", "overview", "at");

  /**
   * {@code v} with every string in it masked: records, lists and maps are copied (the same object
   * when nothing in it changes); numbers, booleans, enum constants and patterns are kept.
   *
   * @throws IllegalStateException for any other kind of object, which could hide an account
   */
  Object value(Object v) {
    if (v == null
        || v instanceof Number
        || v instanceof Boolean
        || v instanceof Enum<?>
        || v instanceof java.util.regex.Pattern) {
      return v; // a partition's Region pattern, say: no account in it
    }
    if (v instanceof String s) {
      return text(s);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object item : list) {
        Object m = value(item);
        changed |= m != item;
        out.add(m);
      }
      return changed ? Collections.unmodifiableList(out) : v;
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object m = value(e.getValue());
        changed |= m != e.getValue();
        out.put(e.getKey(), m);
      }
      return changed ? Collections.unmodifiableMap(out) : v;
    }
    if (v instanceof Record r) {
      return record(r, Set.of());
    }
    throw new IllegalStateException(
        "--redact-accounts cannot mask a value of type " + v.getClass().getName());
  }

  /** A copy of {@code r} with its components masked, except those named in {@code keep}. */
  private Record record(Record r, Set<String> keep) {
    RecordComponent[] parts = r.getClass().getRecordComponents();
    Object[] args = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    boolean changed = false;
    try {
      for (int i = 0; i < parts.length; i++) {
        var accessor = parts[i].getAccessor();
        accessor.setAccessible(true);
        Object before = accessor.invoke(r);
        args[i] = keep.contains(parts[i].getName()) ? before : value(before);
        types[i] = parts[i].getType();
        changed |= args[i] != before;
      }
      if (!changed) {
        return r;
      }
      Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return (Record) canonical.newInstance(args);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "--redact-accounts cannot copy a " + r.getClass().getSimpleName() + ": " + e, e);
    }
  }

  /**
   * Checks that a document rendered from the redacted runbook is the checked one with its accounts
   * masked, and nothing else changed: then the published policy grants no more than the one the
   * checks passed.
   *
   * @throws IllegalStateException when they differ; a bug, never published
   */
  void checkSame(String what, String checked, String redacted) {
    if (checked == null || !text(checked).equals(text(redacted))) {
      throw new IllegalStateException(
          what
              + " rendered from the redacted values differs from the checked one by more than the"
              + " account placeholders; nothing was published");
    }
  }

  private String mask(
      String text, Function<String, String> twelve, Function<String, String> grouped) {
    if (placeholders.isEmpty()) {
      return text;
    }
    StringBuilder sb = null;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        int start = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        String account = i - start == 4 ? groupedAt(text, start) : null;
        if (account != null) {
          // 1111-2222-3333, as the console shows account IDs
          if (sb == null) {
            sb = new StringBuilder(n).append(text, 0, start);
          }
          sb.append(grouped.apply(account));
          i = start + 14;
        } else if (i - start == 12 && placeholders.containsKey(text.substring(start, i))) {
          if (sb == null) {
            sb = new StringBuilder(n).append(text, 0, start);
          }
          sb.append(twelve.apply(text.substring(start, i)));
        } else if (sb != null) {
          sb.append(text, start, i);
        }
      } else {
        if (sb != null) {
          sb.append(c);
        }
        i++;
      }
    }
    return sb == null ? text : sb.toString();
  }

  /** The known account written as {@code 1111-2222-3333} at {@code start}, or {@code null}. */
  private String groupedAt(String text, int start) {
    int end = start + 14;
    if (end > text.length()
        || text.charAt(start + 4) != '-'
        || text.charAt(start + 9) != '-'
        || (start > 0 && isWordOrHyphen(text.charAt(start - 1)))
        || (end < text.length() && isWordOrHyphen(text.charAt(end)))) {
      return null;
    }
    StringBuilder digits = new StringBuilder(12);
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (k == start + 4 || k == start + 9) {
        continue;
      }
      if (c < '0' || c > '9') {
        return null;
      }
      digits.append(c);
    }
    return placeholders.containsKey(digits.toString()) ? digits.toString() : null;
  }

  private static boolean isWordOrHyphen(char c) {
    return Character.isLetterOrDigit(c) || c == '-';
  }
}
