package dev.runwright.usecase;

import dev.runwright.core.Inputs;
import dev.runwright.core.Runwright;
import dev.runwright.site.DriftCheck;
import dev.runwright.site.PublishTarget;
import dev.runwright.site.PublishTargets;
import dev.runwright.site.SiteBuilder;
import java.nio.file.Path;

/**
 * {@code check}: regenerates in memory and compares with a folder, for CI. A runbook is compared as
 * {@code generate} writes it, an inventory as its target publishes it.
 */
public final class Check {
  private Check() {}

  /**
   * What to compare.
   *
   * @param input where the runbooks come from
   * @param out the folder to compare with
   * @param target the publish target an inventory is compared as, or {@code null} to tell from the
   *     folder ({@link #targetFor})
   * @param redact whether the folder was published with {@code --redact-accounts}
   * @param followUps whether runbooks carry all their steps
   * @param jobs rendering threads
   */
  public record Request(
      Inputs.Request input,
      Path out,
      PublishTarget target,
      boolean redact,
      boolean followUps,
      int jobs) {}

  public static DriftCheck.Report run(Request req) {
    Inputs.Routed routed = Inputs.route(req.input(), true);
    if (routed instanceof Inputs.Fleet) {
      PublishTarget target = req.target() != null ? req.target() : targetFor(req.out());
      SiteBuilder.Prepared prepared =
          SiteBuilder.prepare(target, routed, req.redact(), req.followUps(), req.input().strict());
      return DriftCheck.publish(prepared, target, req.out(), req.jobs());
    }
    return DriftCheck.generate(
        new Runwright.GenerateRequest(
            req.input(), req.out(), req.out().toString(), req.followUps(), false));
  }

  /**
   * The target a folder was published with, as the folder shows it: a Confluence bundle's
   * pages.json, a MkDocs bundle's mkdocs.yml, a wiki's home page; a site otherwise.
   */
  public static PublishTarget targetFor(Path out) {
    return PublishTargets.forFolder(out);
  }
}
