package dev.runwright.hostile;

import static dev.runwright.hostile.AwsGenerators.anyKeyId;
import static dev.runwright.hostile.AwsGenerators.listedRegion;
import static dev.runwright.hostile.AwsGenerators.unknownRegion;
import static dev.runwright.hostile.AwsGenerators.validAccount;
import static dev.runwright.hostile.Partitions.partitionOf;
import static dev.runwright.hostile.RunChecks.FIELDS;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The generators of section a: valid inputs, hostile strings and the edits that mix them. */
final class Generators {
  private Generators() {}

  /** Characters that mean something to a shell, Markdown, HTML, YAML or a terminal. */
  static final String META =
      "'\"`$(){}[]<>&;|\\*?~#!%^=+,.:/@ \t\n\r-_\u0000\u0007\u001b\u007f\u0085\u00a0\u2028"
          + "\u2029\u202e\u200b\ufeff";

  /** Values that broke other tools. */
  static final List<String> NASTY =
      List.of(
          "",
          " ",
          "$(touch /tmp/pwned)",
          "`touch /tmp/pwned`",
          "'; touch /tmp/pwned; '",
          "'\"'\"'",
          "\"$HOME\"",
          "${IFS}",
          "a\\",
          "\\",
          "-x",
          "--region",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "\"><svg onload=alert(1)>",
          "' onmouseover='alert(1)",
          "[x](javascript:alert(1))",
          "![x](javascript:alert(1))",
          "<javascript:alert(1)>",
          "<http://evil.example>",
          "[x]: javascript:alert(1)",
          "&lt;b&gt;",
          "&#106;avascript:",
          "<!--",
          "-->",
          "]]>",
          "*a* _b_ **c**",
          "# heading",
          "- item",
          "1. item",
          "> quote",
          "| a | b |",
          "```",
          "~~~",
          "    indented",
          "a  ",
          "---",
          "===",
          "line\nbreak",
          "cr\rlf",
          "nul\u0000",
          "\u202eevil",
          "\ud800",
          "\udfff\ud800",
          "😀",
          "日本語",
          "ﬀ",
          "İ",
          "a\u0300",
          "%s%n",
          "{{7*7}}",
          "${7*7}",
          "#{7*7}",
          "<#assign x=1>",
          "[#ftl]",
          "null",
          "~",
          "!!python/object",
          "&",
          "*",
          "?",
          "[a-z]");

  /**
   * A valid input with up to four fields (or list items) edited: replaced by a hostile string, or
   * with hostile characters put into the valid value. About a third of the inputs are left valid,
   * so every check after rendering runs often; the description is hostile text anyway.
   */
  static Arbitrary<Input> anyInput() {
    Arbitrary<List<Edit>> edits =
        Arbitraries.frequencyOf(
            Tuple.of(35, Arbitraries.just(List.<Edit>of())),
            Tuple.of(40, edit().list().ofSize(1)),
            Tuple.of(25, edit().list().ofMinSize(2).ofMaxSize(4)));
    return Combinators.combine(validInput(), edits)
        .as(
            (in, es) -> {
              Input out = in;
              for (Edit e : es) {
                out = e.applyTo(out);
              }
              // Unpaired surrogates are left out of the description: see
              // anUnpairedSurrogateIsRefused.
              String d = out.description();
              return d == null || wellFormedUtf16(d) ? out : out.withDescription(wellFormed(d));
            });
  }

  /** Every field valid or left out, except the description: hostile text IAM still accepts. */
  static Arbitrary<Input> validInput() {
    Arbitrary<Tuple.Tuple2<String, List<String>>> regionAndKeys =
        anyRegion().flatMap(r -> validKeys(r).map(ks -> Tuple.of(r, ks)));
    Arbitrary<String> description =
        Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.strings().alpha().withChars(' ').ofMaxLength(60)),
                Tuple.of(7, hostile()),
                Tuple.of(
                    1,
                    longString(
                        Arbitraries.strings()
                            .withChars(META)
                            .withCharRange('a', 'z')
                            .withCharRange('\u00a1', '\uffff'),
                        3000,
                        6000)))
            // Unpaired surrogates are left out: see anUnpairedSurrogateIsRefused.
            .filter(Generators::wellFormedUtf16)
            .injectNull(0.15);
    Arbitrary<List<String>> access =
        Arbitraries.of(
                List.of("load"), List.of("save"), List.of("load", "save"), List.of("save", "load"))
            .injectNull(0.3);
    return Combinators.combine(
            validAccount(),
            regionAndKeys,
            iamName(128).injectNull(0.3),
            description,
            iamName(64).injectNull(0.3),
            clusterId().injectNull(0.3),
            Arbitraries.of("2", "3").injectNull(0.3),
            access)
        .as(
            (a, rk, pn, d, rn, c, v, ac) ->
                new Input(a, rk.get1(), rk.get2(), pn, d, rn, c, v, ac));
  }

  static Arbitrary<Edit> edit() {
    Arbitrary<String> inserted =
        Arbitraries.strings()
            .withChars(META)
            .withCharRange('A', 'Z')
            .withChars("é١ſK")
            .ofMaxLength(2);
    return Combinators.combine(
            Arbitraries.integers().between(0, FIELDS.size() - 1),
            Arbitraries.of(true, false),
            hostile(),
            Arbitraries.integers().between(0, 10_000),
            inserted,
            Arbitraries.integers().between(0, 2))
        .as(Edit::new);
  }

  /** {@code s} with each unpaired surrogate replaced by U+FFFD. */
  static String wellFormed(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '\ufffd' : c);
      }
    }
    return sb.toString();
  }

  static boolean wellFormedUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Strings no validator expects: control characters, lone surrogates, quotes, markup, the
   * 1,000-character boundary, long and empty. (Longer ones go to the description only: a long
   * Region takes long to refuse, see aLongRegionIsRefusedQuickly.)
   */
  static Arbitrary<String> hostile() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(4, Arbitraries.strings().withChars(META).withCharRange('a', 'c').ofMaxLength(30)),
        Tuple.of(3, Arbitraries.of(NASTY)),
        Tuple.of(
            3, Arbitraries.of(NASTY).list().ofMinSize(2).ofMaxSize(4).map(l -> String.join("", l))),
        Tuple.of(1, longString(Arbitraries.strings().all(), 990, 1010)),
        Tuple.of(
            1,
            longString(Arbitraries.strings().withChars(META).withCharRange('a', 'z'), 1000, 2000)));
  }

  /** A string of {@code min} to {@code max} characters: a random piece, repeated (cheaply). */
  static Arbitrary<String> longString(
      net.jqwik.api.arbitraries.StringArbitrary chars, int min, int max) {
    return Combinators.combine(
            chars.ofMinLength(1).ofMaxLength(50), Arbitraries.integers().between(min, max))
        .as((piece, n) -> piece.repeat(n / piece.length() + 1).substring(0, n));
  }

  static Arbitrary<String> anyRegion() {
    return Arbitraries.frequencyOf(Tuple.of(4, listedRegion()), Tuple.of(1, unknownRegion()));
  }

  /** Key IDs, mrk- IDs and key ARNs in the Region's partition, 1 to 3 of them. */
  static Arbitrary<List<String>> validKeys(String region) {
    String partition = partitionOf(region);
    Arbitrary<String> arn =
        Combinators.combine(anyKeyId(), validAccount())
            .as((id, acct) -> "arn:" + partition + ":kms:" + region + ":" + acct + ":key/" + id);
    return Arbitraries.oneOf(anyKeyId(), arn).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
  }

  static Arbitrary<String> iamName(int max) {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars("_+=,.@-")
        .ofMinLength(1)
        .ofMaxLength(max);
  }

  static Arbitrary<String> clusterId() {
    Arbitrary<String> part =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .ofMinLength(1)
            .ofMaxLength(10);
    return Combinators.combine(Arbitraries.chars().range('a', 'z'), part.list().ofMaxSize(5))
        .as((first, parts) -> first + (parts.isEmpty() ? "" : "-" + String.join("-", parts)))
        .filter(s -> s.length() <= 63);
  }
}
