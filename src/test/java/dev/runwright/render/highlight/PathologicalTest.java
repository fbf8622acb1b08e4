package dev.runwright.render.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile input: deep nesting, unclosed constructs and long runs stay linear and exact. */
class PathologicalTest {
  private static final int N = 30_000;

  static Stream<Arguments> cases() {
    return Stream.of(
            "$(".repeat(N),
            "\"$(".repeat(N),
            "\"${".repeat(N),
            "${".repeat(N),
            "%{".repeat(N),
            "[".repeat(N),
            "{\"a\":".repeat(N),
            "- ".repeat(N),
            "'".repeat(N),
            "\\".repeat(N),
            "`".repeat(N),
            "<<EOF ".repeat(N / 10) + "\n" + "EOF\n".repeat(N / 10),
            "<<-EOT\n".repeat(N / 10),
            "/*".repeat(N),
            "$a$".repeat(N),
            "a ".repeat(N) + "=",
            "x".repeat(10 * N),
            "\n".repeat(N),
            "😀".repeat(N))
        .flatMap(
            code -> Highlighter.BUILT_IN.stream().map(l -> Arguments.of(l.names().get(0), code)));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("cases")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void finishesAndShowsExactlyTheCode(String language, String code) {
    String html = Highlighter.create().toHtml(code, language);
    assertEquals(code, Rendering.text(html));
  }
}
