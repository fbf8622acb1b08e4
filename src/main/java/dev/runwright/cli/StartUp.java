package dev.runwright.cli;

import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.kind.DocumentKinds;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackCatalog;
import dev.runwright.pack.PackManifest;
import dev.runwright.pack.Procedure;
import dev.runwright.policy.PolicyLinter;
import dev.runwright.render.FreeMarkerEngine;
import dev.runwright.render.MarkdownRenderer;
import dev.runwright.render.TemplateRoots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Start-up work for {@code generate} done on the second core while the first reads the command line
 * and the input: setting up FreeMarker, parsing the built-in templates every runbook imports,
 * reading the built-in packs and then, for a whole procedure, parsing its steps' templates. All of
 * it lands in the caches the run itself reads ({@link PackCatalog} and {@link FreeMarkerEngine}
 * share what they read of the built-ins), so nothing is done twice; a guess that turns out wrong
 * (the input names another pack, or folders of the user's own) costs only the spare core. The
 * thread is a daemon and keeps every failure to itself: the run reports its own.
 */
final class StartUp {
  private StartUp() {}

  /** Starts warming for {@code args} when they run {@code generate} on the built-in templates. */
  static void warm(String... args) {
    List<String> list = Arrays.asList(args);
    if (!list.contains("generate") || !PackFlags.templateDirs(args).isEmpty()) {
      return;
    }
    Thread t = new Thread(() -> run(list), "runwright-start");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /**
   * The built-in templates nearly every runbook imports, most used first: a runbook's own template
   * is parsed by the run while these are.
   */
  private static final List<String> SHARED =
      List.of(
          "common/macros.md.ftl",
          "common/page.html.ftlh",
          "common/aurora-iac.md.ftl",
          "common/terraform.md.ftl");

  private static void run(List<String> args) {
    try {
      TemplateRoots roots = TemplateRoots.builtinOnly();
      FreeMarkerEngine engine = new FreeMarkerEngine(roots, DocumentKinds.escapings());
      SHARED.forEach(engine::check);
      new MarkdownRenderer().render("# Warm\n\nA `code` span and a [link](x).\n", s -> s);
      PackCatalog catalog = new PackCatalog(roots, new YamlReader());
      int pack = args.indexOf("--pack");
      String head =
          pack >= 0 && pack + 1 < args.size() ? args.get(pack + 1) : PackCatalog.DEFAULT_PACK;
      Procedure procedure = catalog.procedure(head, Position.flag("--pack"));
      new PolicyLinter(new YamlReader()).lint("{}", "warm.json", PolicyLinter.Options.DEFAULT);
      if (args.contains("--no-follow-ups")) {
        return; // one step, whose own templates the run is parsing
      }
      boolean forms = args.stream().noneMatch(a -> a.startsWith("--forms"));
      List<PackManifest> steps = new ArrayList<>(procedure.packs());
      steps.add(procedure.head());
      for (PackManifest step : steps) {
        for (DocumentSpec doc : step.documents()) {
          if (doc.template() != null && (forms || doc.form() == null)) {
            engine.check(doc.template());
          }
        }
      }
    } catch (RuntimeException | Error e) {
      // The run itself meets and reports whatever went wrong here.
    }
  }
}
