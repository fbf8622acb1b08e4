package dev.runwright.usecase;

import dev.runwright.config.Diagnostic;
import dev.runwright.core.Inputs;
import dev.runwright.core.Runwright;
import dev.runwright.kind.DocumentKinds;
import dev.runwright.render.FreeMarkerEngine;
import dev.runwright.render.TemplateError;
import dev.runwright.render.TemplateRoots;
import dev.runwright.site.SiteBuilder;
import dev.runwright.site.StaticSiteTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code validate}: everything a run would check (the input, the pack manifests, every template in
 * the user's folders, every document the templates produce), without writing anything. An inventory
 * is checked as {@code site} would build it.
 */
public final class Validate {
  private Validate() {}

  /**
   * What validation found.
   *
   * @param runbooks how many runbooks were checked
   * @param files how many files they would write
   * @param warnings problems that do not stop a run
   * @param notes things the user should know
   */
  public record Result(int runbooks, int files, List<Diagnostic> warnings, List<String> notes) {}

  /**
   * @throws dev.runwright.config.InvalidInputException when the input is wrong
   * @throws TemplateError when a template is wrong, with every syntax error of the user's folders
   */
  public static Result run(Inputs.Request request, boolean followUps, int jobs) {
    Inputs.Routed routed = Inputs.route(request, true);
    checkEveryTemplate(routed.templates());
    if (routed instanceof Inputs.Fleet) {
      StaticSiteTarget site = new StaticSiteTarget();
      SiteBuilder.Prepared p =
          SiteBuilder.prepare(site, routed, false, followUps, request.strict());
      AtomicInteger count = new AtomicInteger();
      SiteBuilder.render(
          p,
          site,
          (rel, bytes) -> count.incrementAndGet(),
          Path.of("."),
          jobs,
          SiteBuilder.Progress.NONE);
      return new Result(p.runbooks().size(), count.get(), p.warnings(), p.notes());
    }
    Runwright.Rendered r =
        Runwright.render(
            new Runwright.GenerateRequest(request, Path.of("."), ".", followUps, false));
    return new Result(1, r.files().size(), r.warnings(), r.notes());
  }

  /** Parses every template in the user's folders, so that all syntax errors show at once. */
  private static void checkEveryTemplate(List<Path> dirs) {
    TemplateRoots roots = new TemplateRoots(dirs);
    FreeMarkerEngine engine = new FreeMarkerEngine(roots, DocumentKinds.escapings());
    List<String> problems = new ArrayList<>();
    for (String name : roots.userTemplateNames()) {
      try {
        engine.check(name);
      } catch (TemplateError e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new TemplateError(String.join("\n", problems));
    }
  }
}
