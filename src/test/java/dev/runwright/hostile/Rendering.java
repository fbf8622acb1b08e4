package dev.runwright.hostile;

import dev.runwright.config.ConfigLoader;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.Node;
import dev.runwright.config.RunbookInput;
import dev.runwright.config.YamlReader;
import dev.runwright.core.FolderLayout;
import dev.runwright.core.Inputs;
import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.core.Runwright;
import dev.runwright.core.Workspace;
import dev.runwright.io.OutputFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendering an input as {@code generate} does, in memory.
 *
 * <p>{@link Runwright#render} builds a new {@link Workspace} (template engine, packs, assets) on
 * every call, about 25 ms; at thousands of tries that is minutes. (The whole procedure renders up
 * to eight runbooks per try, so the broad properties run 1,200 and 2,500 tries and determinism 150,
 * about two minutes in all, within the verify budget.) So the properties run the same steps as
 * {@code Runwright.render} does for flags, with one shared workspace, and {@link
 * DeterminismProperties#theSameInputGivesTheSameBytes} checks that this gives byte for byte what
 * {@code Runwright.render} itself gives.
 */
public final class Rendering {
  private Rendering() {}

  private static final Workspace WORKSPACE =
      new Workspace(List.of(), new YamlReader(YamlReader.DEFAULT_MAX_BYTES), true);

  static final String KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";

  /** A plain input every check accepts; the template's own shell syntax is read from it. */
  static final Input NEUTRAL =
      new Input("111122223333", "us-east-1", List.of(KEY), null, "x", null, "db1", null, null);

  /** What a run gave: every file by path and the warnings, or what it threw. */
  public record Outcome(Map<String, String> files, List<Diagnostic> warnings, Throwable failure) {}

  /** {@link Runwright#render} for flags alone, step for step, with the shared workspace. */
  public static Outcome render(Map<String, Node> flags) {
    return render(flags, FolderLayout.generate());
  }

  /**
   * As {@link #render(Map)}, without the HTML pages, as {@code generate --print} renders a file
   * that is not a page: for the properties that read policies alone ({@link DeterminismProperties}
   * checks that the other files are the same byte for byte).
   */
  public static Outcome renderWithoutPages(Map<String, Node> flags) {
    return render(flags, Layout.withoutPages(FolderLayout.generate()));
  }

  private static Outcome render(Map<String, Node> flags, Layout layout) {
    try {
      RunbookInput input = ConfigLoader.override(ConfigLoader.empty(), flags, null, "--pack");
      Diagnostics d = new Diagnostics();
      Runbook rb = WORKSPACE.prepare(input, null, d);
      d.throwIfErrors();
      Map<String, String> files = new LinkedHashMap<>();
      WORKSPACE
          .renderer()
          .render(rb, layout, null, (path, text, t, s) -> files.put(path, written(text)));
      return new Outcome(files, d.warnings(), null);
    } catch (Throwable t) { // any type at all: only InvalidInputException is allowed
      return new Outcome(Map.of(), List.of(), t);
    }
  }

  /** The real entry point, with a fresh workspace. */
  static Outcome renderFresh(Map<String, Node> flags) {
    try {
      Runwright.Rendered r =
          Runwright.render(
              new Runwright.GenerateRequest(
                  new Inputs.Request(
                      null,
                      null,
                      null,
                      flags,
                      null,
                      List.of(),
                      YamlReader.DEFAULT_MAX_BYTES,
                      false),
                  Path.of("out"),
                  "out",
                  true,
                  false));
      Map<String, String> files = new LinkedHashMap<>();
      for (OutputFiles.Output o : r.files()) {
        files.put(o.path(), written(o));
      }
      return new Outcome(files, r.warnings(), null);
    } catch (Throwable t) {
      return new Outcome(Map.of(), List.of(), t);
    }
  }

  /** A file as generate writes it, read back. */
  private static String written(OutputFiles.Output o) {
    return new String(o.bytes(), StandardCharsets.UTF_8);
  }

  /**
   * {@code text} as generate writes it (UTF-8) and reads back: the same text unless it holds an
   * unpaired surrogate, which UTF-8 cannot encode (the encoder writes {@code ?}). Encoding and
   * decoding only then spares the properties a tenth of their time; {@link DeterminismProperties}
   * compares the outcome with the real bytes of {@link Runwright#render} on every try.
   */
  private static String written(String text) {
    // A copy of the chars is scanned faster than String.charAt, which checks its index each time.
    for (char c : text.toCharArray()) {
      if (Character.isSurrogate(c)) {
        return written(OutputFiles.Output.text("", text));
      }
    }
    return text;
  }

  static Supplier<Map<String, String>> memo(Supplier<Outcome> s) {
    Object[] cache = {null};
    return () -> {
      if (cache[0] == null) {
        Outcome o = s.get();
        cache[0] = o.failure() == null ? o.files() : Map.of();
      }
      @SuppressWarnings("unchecked")
      Map<String, String> files = (Map<String, String>) cache[0];
      return files;
    };
  }
}
