package dev.runwright.core;

import dev.runwright.config.Position;
import dev.runwright.kind.DocumentKind;
import dev.runwright.kind.MarkdownKind;
import dev.runwright.kind.PageKind;
import dev.runwright.kind.PolicyJsonKind;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runbooks built by hand, with the documents a step pack usually has, for layout tests. */
final class Runbooks {
  private Runbooks() {}

  static DocumentSpec doc(String id, String path, DocumentKind kind, String from) {
    return new DocumentSpec(id, path, "t/" + path + ".ftl", kind, from, DocumentSpec.Expect.NONE);
  }

  /** policy.json, runbook.md and its page runbook.html. */
  static List<DocumentSpec> stepDocs() {
    return List.of(
        doc("policy", "policy.json", new PolicyJsonKind(), null),
        doc("runbook", "runbook.md", new MarkdownKind(), null),
        doc("page", "runbook.html", new PageKind(), "runbook"));
  }

  static PackManifest pack(String id, String stepDir, List<DocumentSpec> docs) {
    return new PackManifest(
        id,
        "Title of " + id,
        "About " + id,
        "Step " + id,
        "Procedure " + id,
        null,
        stepDir,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        docs,
        id + "/pack.yaml");
  }

  /** One step: no overview, its files at the top. */
  static Runbook single(PackManifest p) {
    return runbook(List.of(), p);
  }

  /** A procedure of these steps, with the default overview. */
  static Runbook procedure(PackManifest... steps) {
    return runbook(Runbook.DEFAULT_OVERVIEW, steps);
  }

  private static Runbook runbook(List<DocumentSpec> overview, PackManifest... packs) {
    List<Runbook.Step> steps = new ArrayList<>();
    for (PackManifest p : packs) {
      steps.add(new Runbook.Step(steps.size() + 1, p, p.documents()));
    }
    return new Runbook(
        null,
        "",
        packs[0],
        steps,
        overview,
        null,
        "{}",
        Position.flag("the command line"),
        List.of(),
        Map.of(),
        List.of());
  }
}
