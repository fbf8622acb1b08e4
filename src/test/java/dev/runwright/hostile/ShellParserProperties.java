package dev.runwright.hostile;

import static dev.runwright.hostile.Generators.META;
import static dev.runwright.hostile.Generators.NASTY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.render.Escape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The shell parser's cross-check against /bin/sh. */
class ShellParserProperties {
  /**
   * {@link ShellWords} splits lines the way {@code /bin/sh} does: lines built from every kind of
   * quoting, and random lines of quotes and backslashes, give the same words from the parser, from
   * sh's {@code printf '%s\0'}, and (for built lines) from the construction itself.
   */
  @Property(tries = 300)
  void theShellParserAgreesWithBinSh(@ForAll("shellLines") ShellLine line) {
    List<String> parsed;
    try {
      parsed = ShellWords.words(line.text() + "\n"); // sh reads the line with its newline
    } catch (IllegalArgumentException e) {
      assertNull(line.words(), () -> "a built line must parse: " + e.getMessage());
      assertFalse(
          sh(line.text()).ok(), () -> "sh accepted what the parser refused: " + line.text());
      return;
    }
    ShResult sh = sh(line.text());
    assertTrue(sh.ok(), () -> "sh refused what the parser accepted: " + line.text());
    // With no argument, printf prints its format once: one empty word.
    assertEquals(
        sh.words(),
        parsed.isEmpty() ? List.of("") : parsed,
        () -> "parser and sh differ on: " + line.text());
    if (line.words() != null) {
      assertEquals(line.words(), parsed, () -> "parser and construction differ: " + line.text());
    }
    ShellWords.tokens(line.text() + "\n")
        .forEach(
            t -> assertFalse(t.expands() || t.kind() == ShellWords.Kind.OPERATOR, t::toString));
  }

  /** A line for sh, and the words it must give when built from known words ({@code null} else). */
  record ShellLine(String text, List<String> words) {}

  /** Characters to quote: anything but NUL, which no argument can hold, and lone surrogates. */
  static Arbitrary<String> shellContent() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withChars(META.replace("\u0000", ""))
            .withCharRange('a', 'c')
            .ofMaxLength(8),
        Arbitraries.strings().withCharRange('\u0001', '\ud7ff').ofMaxLength(6),
        Arbitraries.of(NASTY)
            .filter(
                s ->
                    s.indexOf('\u0000') < 0
                        && s.chars().noneMatch(c -> Character.isSurrogate((char) c))));
  }

  @Provide
  Arbitrary<ShellLine> shellLines() {
    Arbitrary<String[]> piece =
        Combinators.combine(Arbitraries.integers().between(0, 4), shellContent())
            .as((kind, s) -> new String[] {quote(kind, s), s});
    Arbitrary<String[]> word =
        piece
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(
                ps -> {
                  StringBuilder text = new StringBuilder();
                  StringBuilder value = new StringBuilder();
                  for (String[] p : ps) {
                    text.append(p[0]);
                    value.append(p[1]);
                  }
                  // A word that is empty must still be written, as ''.
                  return new String[] {
                    text.length() == 0 ? "''" : text.toString(), value.toString()
                  };
                });
    Arbitrary<String> separator = Arbitraries.of(" ", "  ", "\t", " \\\n  ");
    Arbitrary<ShellLine> built =
        Combinators.combine(word.list().ofMinSize(1).ofMaxSize(5), separator.list().ofSize(5))
            .as(
                (ws, seps) -> {
                  StringBuilder text = new StringBuilder();
                  List<String> words = new ArrayList<>();
                  for (int i = 0; i < ws.size(); i++) {
                    text.append(i == 0 ? "" : seps.get(i)).append(ws.get(i)[0]);
                    words.add(ws.get(i)[1]);
                  }
                  return new ShellLine(text.toString(), words);
                });
    // No newline, operator, $, backtick, glob or # outside the quotes: sh runs these lines.
    Arbitrary<ShellLine> random =
        Arbitraries.strings()
            .withChars("'\"\\ \tab=-日")
            .ofMaxLength(20)
            .map(s -> new ShellLine(s, null));
    return Arbitraries.frequencyOf(Tuple.of(3, built), Tuple.of(1, random));
  }

  /**
   * {@code s} as one piece of a word: 0 bare with backslashes, 1 '...', 2 "...", 3 sh(), 4 '"'"'.
   */
  static String quote(int kind, String s) {
    switch (kind) {
      case 0 -> {
        if (s.indexOf('\n') >= 0) {
          return quote(1, s); // a backslash before a newline joins lines instead
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
          if (!Character.isLetterOrDigit(c) || c > 0x7e) {
            sb.append('\\');
          }
          sb.append(c);
        }
        return sb.toString();
      }
      case 1 -> {
        if (s.indexOf('\'') >= 0) {
          return quote(4, s);
        }
        return "'" + s + "'";
      }
      case 2 -> {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
          if (c == '"' || c == '\\' || c == '$' || c == '`') {
            sb.append('\\');
          }
          sb.append(c);
        }
        return sb.append('"').toString();
      }
      case 3 -> {
        return Escape.shell(s);
      }
      default -> {
        return "'" + s.replace("'", "'\"'\"'") + "'";
      }
    }
  }

  record ShResult(boolean ok, List<String> words) {}

  /** What /bin/sh makes of {@code line} as the arguments of printf; the script goes on stdin. */
  static ShResult sh(String line) {
    try {
      Process p = new ProcessBuilder("sh").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(("printf '%s\\0' " + line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream o = p.getInputStream()) {
        o.transferTo(out);
      }
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "sh finished");
      if (p.exitValue() != 0) {
        return new ShResult(false, List.of());
      }
      String text = out.toString(StandardCharsets.UTF_8);
      List<String> words = new ArrayList<>(List.of(text.split("\u0000", -1)));
      words.remove(words.size() - 1); // after the last NUL
      return new ShResult(true, words);
    } catch (IOException e) {
      throw new AssertionError("cannot run sh", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Example
  void theShellParserFlagsExpansionsAndOperators() {
    assertTrue(ShellWords.tokens("\"$(id)\"").get(0).expands());
    assertTrue(ShellWords.tokens("a*").get(0).expands());
    assertTrue(ShellWords.tokens("~/x").get(0).expands());
    assertFalse(ShellWords.tokens("'$(id)' \\$x a~").stream().anyMatch(ShellWords.Token::expands));
    assertEquals(List.of("a", "b c", "d'e", ""), ShellWords.words("a 'b c' 'd'\"'\"'e' ''"));
    assertEquals(
        List.of(List.of("a"), List.of("b"), List.of("c", "d")),
        ShellWords.commands("a; b\n c \\\n d").stream()
            .map(c -> c.stream().map(ShellWords.Token::text).toList())
            .toList());
    assertThrows(IllegalArgumentException.class, () -> ShellWords.tokens("'open"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.tokens("\"open"));
  }
}
