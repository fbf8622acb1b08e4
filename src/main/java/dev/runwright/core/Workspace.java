package dev.runwright.core;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.RunbookInput;
import dev.runwright.config.YamlReader;
import dev.runwright.kind.DocumentKinds;
import dev.runwright.kind.KindTools;
import dev.runwright.pack.Condition;
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
    List<PackManifest> packsThatApply = procedure.stepsFor(resolved.values());
    // Checked even when a value is wrong, so that one run reports every problem; a value given
    // but wrong counts as given.
    boolean met = meetsRequirements(procedure, packsThatApply, resolved, input, d);
    if (own.hasErrors() || !met) {
      return null;
    }
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
    java.util.Set<String> forms = Forms.chosen(procedure, input, d);
    if (forms == null) {
      return null;
    }
    List<Runbook.Step> steps = new ArrayList<>();
    for (PackManifest m : packsThatApply) {
      steps.add(new Runbook.Step(steps.size() + 1, m, applying(m.documents(), resolved, forms)));
    }
    List<DocumentSpec> overview = List.of();
    if (steps.size() > 1) {
      PackManifest head = procedure.head();
      overview =
          head.isProcedure() && !head.documents().isEmpty()
              ? applying(head.documents(), resolved, forms)
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
        notes(packsThatApply, resolved),
        Map.of(),
        List.copyOf(forms));
  }

  /**
   * The rules across parameters ({@code requires:}) of the procedure and of the steps that apply,
   * and the parameters those steps require; each one broken is an error at the input.
   */
  private static boolean meetsRequirements(
      Procedure procedure,
      List<PackManifest> steps,
      ParameterResolver.Resolved resolved,
      RunbookInput input,
      Diagnostics d) {
    Map<String, Object> values = new java.util.HashMap<>(resolved.values());
    for (String k : input.fields().keySet()) {
      Object v = values.get(k);
      if (v == null || (v instanceof List<?> l && l.isEmpty())) {
        values.put(k, k); // given, though wrong or empty: its own error says what is wrong
      }
    }
    boolean ok = true;
    List<PackManifest> all = new ArrayList<>();
    all.add(procedure.head());
    all.addAll(steps);
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (PackManifest m : all) {
      for (PackManifest.Requirement r : m.requires()) {
        if (r.when().holds(values)
            && r.anyOf().stream()
                .noneMatch(
                    p ->
                        new Condition(List.of(new Condition.Test(Condition.Op.GIVEN, p, null)))
                            .holds(values))
            && reported.add(r.message())) {
          d.add(
              withLabel(
                  dev.runwright.config.Diagnostic.error(
                      input.at().isFlag() ? flags(procedure, r.anyOf()) : input.at(),
                      String.join(", ", r.anyOf()),
                      r.message()),
                  input.label()));
          ok = false;
        }
      }
    }
    for (PackManifest m : steps) {
      for (ParameterSpec p : m.parameters().values()) {
        if (p.required()
            && values.get(p.name()) == null
            && !alreadyReported(d, p.name())
            && reported.add(p.name())) {
          d.add(
              withLabel(
                  dev.runwright.config.Diagnostic.error(
                      input.at().isFlag()
                          ? dev.runwright.config.Position.flag(p.flagName())
                          : input.at(),
                      p.name(),
                      "is required for the step \""
                          + m.stepTitle()
                          + "\"; expected "
                          + p.expected()),
                  input.label()));
          ok = false;
        }
      }
    }
    return ok;
  }

  /**
   * Whether {@code d} already has an error about {@code name} (the resolver's "is required" of a
   * parameter every step needs), so that a step does not say it again.
   */
  private static boolean alreadyReported(Diagnostics d, String name) {
    return d.all().stream()
        .anyMatch(
            e -> e.isError() && (e.subject().equals(name) || e.subject().endsWith(": " + name)));
  }

  /** "--bucket, --key or --lambda-function", where flags alone were given. */
  private static dev.runwright.config.Position flags(Procedure procedure, List<String> names) {
    List<String> flags = new ArrayList<>();
    for (String n : names) {
      ParameterSpec p = procedure.parameters().get(n);
      flags.add(p == null ? n : p.flagName());
    }
    String shown =
        flags.size() == 1
            ? flags.get(0)
            : String.join(", ", flags.subList(0, flags.size() - 1))
                + " or "
                + flags.get(flags.size() - 1);
    return dev.runwright.config.Position.flag(shown);
  }

  private static dev.runwright.config.Diagnostic withLabel(
      dev.runwright.config.Diagnostic x, String label) {
    return label.isEmpty() ? x : x.within(label);
  }

  private static List<DocumentSpec> applying(
      List<DocumentSpec> docs, ParameterResolver.Resolved resolved, java.util.Set<String> forms) {
    return docs.stream()
        .filter(doc -> doc.when().holds(resolved.values()))
        .filter(doc -> doc.form() == null || forms.contains(doc.form()))
        .toList();
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
