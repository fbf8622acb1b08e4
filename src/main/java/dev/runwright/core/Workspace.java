package dev.runwright.core;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.RunbookInput;
import dev.runwright.config.YamlReader;
import dev.runwright.kind.DocumentKinds;
import dev.runwright.kind.KindTools;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackCatalog;
import dev.runwright.pack.PackManifest;
import dev.runwright.pack.ParameterResolver;
import dev.runwright.pack.ParameterSpec;
import dev.runwright.pack.Procedure;
import dev.runwright.policy.PolicyJson;
import dev.runwright.policy.PolicyLinter;
import dev.runwright.render.Assets;
import dev.runwright.render.Escape;
import dev.runwright.render.FreeMarkerEngine;
import dev.runwright.render.MarkdownRenderer;
import dev.runwright.render.TemplateEngine;
import dev.runwright.render.TemplateRoots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The heavy, shared objects for one set of template folders, built once: the pack catalog, the
 * template engine, the Markdown renderer and the policy checker. Thread-safe.
 */
public final class Workspace {
  private final YamlReader yaml;
  private final PackCatalog packs;
  private final ParameterResolver resolver = new ParameterResolver();
  private final RunbookRenderer renderer;
  private final PolicyLinter linter;
  private final TemplateRoots roots;
  private final TemplateEngine engine;
  private final boolean followUps;

  public Workspace(List<Path> templateDirs, YamlReader yaml) {
    this(templateDirs, yaml, true);
  }

  /**
   * @param followUps whether runbooks carry their follow-up steps; without, only each pack's own
   *     documents are rendered (the follow-ups' parameters are still accepted and checked)
   */
  public Workspace(List<Path> templateDirs, YamlReader yaml, boolean followUps) {
    this.followUps = followUps;
    this.yaml = yaml;
    this.roots = new TemplateRoots(templateDirs);
    this.packs = new PackCatalog(roots, yaml);
    this.linter = new PolicyLinter(yaml);
    this.engine = new FreeMarkerEngine(roots, DocumentKinds.escapings());
    this.renderer =
        new RunbookRenderer(
            engine,
            new MarkdownRenderer(),
            new KindTools(new PolicyJson(yaml), linter, yaml),
            Assets.load(roots),
            Version.get());
  }

  public YamlReader yaml() {
    return yaml;
  }

  public PackCatalog packs() {
    return packs;
  }

  public RunbookRenderer renderer() {
    return renderer;
  }

  public TemplateRoots roots() {
    return roots;
  }

  /** The template engine, for templates outside runbooks (site index, wiki home). */
  public TemplateEngine engine() {
    return engine;
  }

  public PolicyLinter linter() {
    return linter;
  }

  /**
   * Validates one runbook input against its packs.
   *
   * @param input what the user asked for
   * @param id the runbook's id in an inventory, or {@code null}
   * @param d where problems go, already labelled with the entry
   * @return the runbook, or {@code null} when it has errors
   * @throws dev.runwright.pack.PackException when a pack's manifest is wrong
   */
  public Runbook prepare(RunbookInput input, String id, Diagnostics d) {
    Diagnostics own = new Diagnostics();
    String packId = input.pack() == null ? PackCatalog.DEFAULT_PACK : input.pack();
    Procedure procedure;
    try {
      procedure = packs.procedure(packId, input.packAt());
    } catch (InvalidInputException e) {
      addAll(d, e.diagnostics(), input.label());
      return null;
    }
    ParameterResolver.Resolved resolved =
        resolver.resolve(procedure.parameters(), input.fields(), input.at(), own);
    addAll(d, own.all(), input.label());
    if (own.hasErrors()) {
      return null;
    }
    List<PackManifest> packsThatApply = procedure.stepsFor(resolved.values());
    if (packsThatApply.isEmpty()) {
      d.error(
          input.at(),
          input.label(),
          "no step of pack "
              + packId
              + " applies to these values (each step's condition is in its pack.yaml; see"
              + " runwright packs)");
      return null;
    }
    if (!followUps) {
      packsThatApply = List.of(packsThatApply.get(0));
    }
    List<Runbook.Step> steps = new ArrayList<>();
    for (PackManifest m : packsThatApply) {
      steps.add(new Runbook.Step(steps.size() + 1, m, applying(m.documents(), resolved)));
    }
    List<DocumentSpec> overview = List.of();
    if (steps.size() > 1) {
      PackManifest head = procedure.head();
      overview =
          head.isProcedure() && !head.documents().isEmpty()
              ? applying(head.documents(), resolved)
              : Runbook.DEFAULT_OVERVIEW;
    }
    String canonical = canonicalInput(packId, resolved);
    // The values as given are in the canonical input now; a large inventory need not keep both.
    ParameterResolver.Resolved kept =
        new ParameterResolver.Resolved(resolved.values(), Map.of(), resolved.aws());
    return new Runbook(
        id,
        input.label(),
        procedure.head(),
        steps,
        overview,
        kept,
        canonical,
        input.at(),
        notes(packsThatApply, resolved));
  }

  private static List<DocumentSpec> applying(
      List<DocumentSpec> docs, ParameterResolver.Resolved resolved) {
    return docs.stream().filter(doc -> doc.when().holds(resolved.values())).toList();
  }

  /** What the user should know about parameters left out, for the steps that are rendered. */
  private static List<String> notes(List<PackManifest> steps, ParameterResolver.Resolved r) {
    List<String> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (PackManifest m : steps) {
      for (ParameterSpec p : m.parameters().values()) {
        if (p.whenMissing() != null && r.values().get(p.name()) == null && seen.add(p.name())) {
          out.add(p.name() + " is not set: " + p.whenMissing());
        }
      }
    }
    return out;
  }

  private static void addAll(Diagnostics d, List<Diagnostic> found, String label) {
    for (Diagnostic x : found) {
      d.add(label.isEmpty() ? x : x.within(label));
    }
  }

  /**
   * What decides the output: the pack and the values as given, written as compact JSON
   * ({"pack":...,"values":{name: text or [texts]}}) in the parameters' order.
   */
  private static String canonicalInput(String pack, ParameterResolver.Resolved r) {
    StringBuilder sb =
        new StringBuilder(256)
            .append("{\"pack\":")
            .append(Escape.jsonString(pack))
            .append(",\"values\":{");
    boolean first = true;
    for (Map.Entry<String, Object> e : r.given().entrySet()) {
      sb.append(first ? "" : ",").append(Escape.jsonString(e.getKey())).append(':');
      first = false;
      if (e.getValue() instanceof List<?> list) {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
          sb.append(i == 0 ? "" : ",").append(Escape.jsonString(String.valueOf(list.get(i))));
        }
        sb.append(']');
      } else {
        sb.append(Escape.jsonString(String.valueOf(e.getValue())));
      }
    }
    return sb.append("}}").toString();
  }
}
