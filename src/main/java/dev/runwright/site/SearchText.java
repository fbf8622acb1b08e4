package dev.runwright.site;

import dev.runwright.aws.AwsContext;
import dev.runwright.aws.KmsKey;
import dev.runwright.aws.NamedResource;
import dev.runwright.core.Runbook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of one runbook as the site's search index keeps them. Its values (account, Region, ids,
 * key IDs and ARNs, names, description) are the runbook's own terms; the text of its pages is kept
 * with those values taken out, so that the pages of a thousand runbooks made from one pack have the
 * same words and are stored once. A search for "reboot payments-prod" then matches "reboot" in a
 * section and "payments prod" in the runbook's values.
 *
 * <p>Words are split exactly as the page's script splits a query: lower case, at every character
 * that is not a letter or a digit ({@code /[^\p{L}\p{N}]+/u}).
 */
final class SearchText {
  /** The runbook's values, each as its run of words, the longest first. */
  private final Map<String, List<String[]>> phrasesByFirstWord = new HashMap<>();

  /** Every word of every value, in order, once. */
  private final Set<String> valueWords = new LinkedHashSet<>();

  /**
   * @param values the values, whose words are the runbook's terms and are taken out of its text
   * @param alsoOut other forms of them, only taken out of the text
   */
  private SearchText(Collection<String> values, Collection<String> alsoOut) {
    List<String[]> phrases = new ArrayList<>();
    List<String> all = new ArrayList<>(values);
    all.addAll(alsoOut);
    for (String v : all) {
      String[] words = words(v).toArray(String[]::new);
      if (values.contains(v)) {
        valueWords.addAll(List.of(words));
      }
      // A short single word ("aws", "load", "3") is as likely the template's own word.
      if (words.length > 1 || (words.length == 1 && isIdentifier(words[0]))) {
        phrases.add(words);
      }
    }
    phrases.sort(Comparator.comparingInt((String[] p) -> p.length).reversed());
    for (String[] p : phrases) {
      phrasesByFirstWord.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p);
    }
  }

  /** The words of {@code rb}'s values, with its id and {@code title}. */
  static SearchText of(Runbook rb, String title, Redactor redactor) {
    List<String> values = new ArrayList<>();
    List<String> alsoOut = new ArrayList<>();
    add(values, rb.id());
    add(values, title);
    AwsContext aws = rb.params().aws();
    if (aws != null) {
      add(values, aws.account());
      String a = aws.account();
      if (a.length() == 12) {
        // The console's form: taken out of the text, not kept (the script joins it in a query).
        alsoOut.add(a.substring(0, 4) + "-" + a.substring(4, 8) + "-" + a.substring(8));
      }
      add(values, aws.region().code());
      add(values, aws.region().name());
      add(values, aws.partition().id());
    }
    for (Object v : rb.params().values().values()) {
      value(values, v);
    }
    if (redactor.active()) {
      // Both forms are taken out of the pages' text; only the masked one is kept as a term.
      List<String> masked = new ArrayList<>();
      values.forEach(v -> masked.add(redactor.text(v)));
      List<String> out = new ArrayList<>(alsoOut);
      out.addAll(values);
      alsoOut.forEach(v -> out.add(redactor.text(v)));
      return new SearchText(masked, out);
    }
    return new SearchText(values, alsoOut);
  }

  private static void value(List<String> out, Object v) {
    if (v instanceof List<?> list) {
      list.forEach(o -> value(out, o));
    } else if (v instanceof KmsKey k) {
      add(out, k.arn());
      add(out, k.keyId());
      add(out, k.input());
    } else if (v instanceof NamedResource r) {
      add(out, r.arn());
      add(out, r.name());
    } else if (v != null) {
      add(out, v.toString());
    }
  }

  private static void add(List<String> out, String s) {
    if (s != null && !s.isBlank()) {
      out.add(s);
    }
  }

  /** Whether a single word is worth taking out of the text as a value: an id, not a word. */
  private static boolean isIdentifier(String word) {
    return word.length() >= 8 || (word.length() >= 4 && word.chars().anyMatch(Character::isDigit));
  }

  /**
   * The runbook's own terms: every word of its values, once each, space-separated, without those
   * the index already has for it elsewhere ({@code shown}: its id, title and account).
   */
  String valueTerms(String... shown) {
    Set<String> known = new HashSet<>();
    for (String s : shown) {
      known.addAll(words(s));
    }
    StringBuilder sb = new StringBuilder();
    for (String w : valueWords) {
      if (!known.contains(w)) {
        sb.append(sb.length() == 0 ? "" : " ").append(w);
      }
    }
    return sb.toString();
  }

  /**
   * The distinct words of {@code text} with the runbook's values taken out, in the order they first
   * appear, space-separated: the same for every runbook whose page says the same around its values
   * (no sort needed for that; sorting was a tenth of the index's time).
   */
  String textTerms(String text) {
    List<String> words = words(text);
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int skip = valueAt(words, i);
      if (skip > 0) {
        i += skip;
      } else {
        String w = words.get(i++);
        if (seen.add(w)) {
          out.add(w);
        }
      }
    }
    return String.join(" ", out);
  }

  /** How many words of a value start at {@code i}, or 0. */
  private int valueAt(List<String> words, int i) {
    List<String[]> candidates = phrasesByFirstWord.get(words.get(i));
    if (candidates == null) {
      return 0;
    }
    for (String[] p : candidates) {
      if (i + p.length <= words.size() && matches(words, i, p)) {
        return p.length;
      }
    }
    return 0;
  }

  private static boolean matches(List<String> words, int i, String[] phrase) {
    for (int k = 0; k < phrase.length; k++) {
      if (!words.get(i + k).equals(phrase[k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} in lower case, split at every character that is not a letter or digit: what {@code
   * [^\p{L}\p{N}]+} splits at, scanned by hand (every page's text passes here).
   */
  static List<String> words(String text) {
    // On a char[]: String.codePointAt on a page with any non-Latin-1 character costs a range
    // check and a call per character under C1.
    char[] cs = text.toLowerCase(Locale.ROOT).toCharArray();
    List<String> out = new ArrayList<>();
    int n = cs.length;
    int start = -1;
    int i = 0;
    while (i < n) {
      char c = cs[i];
      boolean word;
      int len = 1;
      if (c < 0x80) {
        word = isWordChar(c);
      } else {
        int cp = Character.codePointAt(cs, i);
        word = isWordChar(cp);
        len = Character.charCount(cp);
      }
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(new String(cs, start, i - start));
        start = -1;
      }
      i += len;
    }
    if (start >= 0) {
      out.add(new String(cs, start, n - start));
    }
    return out;
  }

  /** {@code \p{L}} or {@code \p{N}}: a letter, or a decimal, letter or other number. */
  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int t = Character.getType(cp);
    return t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }
}
