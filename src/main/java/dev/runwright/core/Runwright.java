package dev.runwright.core;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.InvalidInputException;
import dev.runwright.io.Manifest;
import dev.runwright.io.OutputException;
import dev.runwright.io.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code generate} job, top to bottom: read the input, apply the flags, validate against the
 * packs, render every document in memory, and only then write them.
 */
public final class Runwright {
  private Runwright() {}

  /**
   * What to generate.
   *
   * @param input where the runbook comes from
   * @param out the output folder
   * @param outName the output folder as the user typed it
   * @param followUps whether to write the procedure's other steps too
   * @param force replace files in {@code out} that Runwright did not write
   */
  public record GenerateRequest(
      Inputs.Request input, Path out, String outName, boolean followUps, boolean force) {}

  /**
   * What a generate run did.
   *
   * @param warnings problems that did not stop the run
   * @param notes things the user should know, such as placeholders left in a runbook
   * @param files what was written and what was already up to date
   * @param removed files an earlier run wrote that this one does not, now deleted
   * @param replaced files that were not Runwright's and were replaced, because of --force
   * @param start the file to open first
   */
  public record GenerateResult(
      List<Diagnostic> warnings,
      List<String> notes,
      OutputFiles.Result files,
      List<String> removed,
      List<String> replaced,
      String start) {}

  /** Everything {@code generate} would write, rendered but not written. */
  public record Rendered(
      List<Diagnostic> warnings,
      List<String> notes,
      List<OutputFiles.Output> files,
      String start) {}

  /**
   * Runs {@code generate}.
   *
   * @throws InvalidInputException when the input is wrong; nothing is written
   * @throws dev.runwright.render.TemplateError when a template fails; nothing is written
   * @throws dev.runwright.pack.PackException when a pack is wrong; nothing is written
   * @throws OutputException when the output cannot be written, or would replace files Runwright did
   *     not write (without {@code force}); nothing is written
   */
  public static GenerateResult generate(GenerateRequest req) {
    OutputFiles.checkFolder(req.out(), req.outName());
    Rendered r = render(req);
    Path out = req.out().toAbsolutePath().normalize();
    // The files an earlier generate wrote here and this one does not (the follow-ups after
    // --no-follow-ups, another pack's runbooks) would contradict the new ones: they go.
    Set<String> before;
    try {
      before = Manifest.read(out);
    } catch (IOException e) {
      throw new OutputException(
          "cannot read " + req.outName() + "/" + Manifest.NAME + ": " + OutputFiles.describe(e), e);
    }
    List<String> foreign = foreign(out, before, r.files());
    if (!foreign.isEmpty() && !req.force()) {
      throw new OutputException(
          "--out "
              + req.outName()
              + " holds "
              + (foreign.size() == 1 ? "a file" : foreign.size() + " files")
              + " that Runwright did not write and would replace ("
              + String.join(", ", foreign.size() > 5 ? foreign.subList(0, 5) : foreign)
              + (foreign.size() > 5 ? ", ..." : "")
              + "); nothing was written. Give another --out, or --force to replace them");
    }
    Set<String> now = new LinkedHashSet<>();
    List<OutputFiles.Output> files = new ArrayList<>(r.files());
    files.forEach(f -> now.add(f.path()));
    files.add(OutputFiles.Output.text(Manifest.NAME, Manifest.text(now)));
    OutputFiles.Result written = OutputFiles.write(req.out(), files, req.outName());
    List<String> removed;
    try {
      removed = Manifest.removeStale(out, before, now);
    } catch (IOException e) {
      throw new OutputException(
          "cannot remove a file an earlier run wrote in "
              + req.outName()
              + ": "
              + OutputFiles.describe(e),
          e);
    }
    OutputFiles.Result result =
        new OutputFiles.Result(
            written.written().stream().filter(f -> !f.equals(Manifest.NAME)).toList(),
            written.unchanged().stream().filter(f -> !f.equals(Manifest.NAME)).toList());
    return new GenerateResult(r.warnings(), r.notes(), result, removed, foreign, r.start());
  }

  /**
   * The files this run would replace that an earlier run did not write: they exist with other bytes
   * and are not in the manifest.
   */
  private static List<String> foreign(Path out, Set<String> ours, List<OutputFiles.Output> files) {
    List<String> found = new ArrayList<>();
    for (OutputFiles.Output f : files) {
      Path p = out.resolve(f.path());
      if (ours.contains(f.path()) || !Files.isRegularFile(p)) {
        continue;
      }
      try {
        if (!Arrays.equals(Files.readAllBytes(p), f.bytes())) {
          found.add(f.path());
        }
      } catch (IOException e) {
        found.add(f.path());
      }
    }
    return found;
  }

  /** Renders what {@code generate} would write, without writing. */
  public static Rendered render(GenerateRequest req) {
    return render(req, true);
  }

  /**
   * As {@link #render(GenerateRequest)}; without {@code pages}, the HTML pages are not rendered
   * (most of the work: Markdown to HTML, highlighting) and every other file is the same.
   */
  public static Rendered render(GenerateRequest req, boolean pages) {
    Inputs.Routed routed = Inputs.route(req.input(), false);
    Inputs.One one = (Inputs.One) routed;
    Workspace ws = new Workspace(routed.templates(), routed.yaml(), req.followUps());
    Diagnostics d = new Diagnostics();
    Runbook rb = ws.prepare(one.input(), null, d);
    d.throwIfErrors(req.input().strict());
    List<OutputFiles.Output> files = new ArrayList<>();
    ws.renderer()
        .render(
            rb,
            pages ? FolderLayout.generate() : Layout.withoutPages(FolderLayout.generate()),
            null,
            (path, text, title, step) -> files.add(OutputFiles.Output.text(path, text)),
            true);
    return new Rendered(d.warnings(), rb.notes(), files, start(files));
  }

  /** The overview's page, else the first page, else the first file. */
  private static String start(List<OutputFiles.Output> files) {
    List<String> paths = files.stream().map(OutputFiles.Output::path).toList();
    return paths.stream()
        .filter(p -> p.equals("procedure.html"))
        .findFirst()
        .orElse(paths.stream().filter(p -> p.endsWith(".html")).findFirst().orElse(paths.get(0)));
  }
}
