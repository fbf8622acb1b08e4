package dev.runwright.pack;

import dev.runwright.config.Diagnostics;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.MappingReader;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.Suggest;
import dev.runwright.config.Values;
import dev.runwright.config.YamlReader;
import dev.runwright.render.TemplateRoots;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds packs in the template folders, reads and checks their manifests, and follows their {@code
 * followUp} links into chains. Manifests are read once. Thread-safe.
 */
public final class PackCatalog {
  /** The pack a runbook uses when it names none. */
  public static final String DEFAULT_PACK = "aurora-access";

  /** Keys an input may carry beside a pack's parameters. */
  public static final Set<String> RESERVED = Set.of("pack", "id", "templates", "forms");

  private static final Pattern PACK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern STEP_DIR = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final int MAX_CHAIN = 10;

  private static final List<String> MANIFEST_KEYS =
      List.of(
          "id",
          "title",
          "description",
          "step",
          "procedure",
          "followUp",
          "stepDir",
          "steps",
          "idFrom",
          "index",
          "requires",
          "parameters",
          "documents");
  private final TemplateRoots roots;
  private final YamlReader yaml;
  private final Map<String, PackManifest> loaded;
  private final Map<String, Procedure> procedures;

  /**
   * The built-in packs read so far, shared by every catalog without folders of the user's: they
   * cannot change while Runwright runs, and a one-runbook run reads them twice (for the command
   * line's pack flags, then for the runbook).
   */
  private static final Map<String, PackManifest> BUILTIN_LOADED = new ConcurrentHashMap<>();

  private static final Map<String, Procedure> BUILTIN_PROCEDURES = new ConcurrentHashMap<>();

  private static final Map<String, Object> BUILTIN_LOCKS = new ConcurrentHashMap<>();

  public PackCatalog(TemplateRoots roots, YamlReader yaml) {
    this.roots = roots;
    this.yaml = yaml;
    boolean builtinOnly = roots.userDirs().isEmpty();
    this.loaded = builtinOnly ? BUILTIN_LOADED : new ConcurrentHashMap<>();
    this.procedures = builtinOnly ? BUILTIN_PROCEDURES : new ConcurrentHashMap<>();
  }

  public TemplateRoots roots() {
    return roots;
  }

  /** The ids of every pack in the template folders. */
  public List<String> ids() {
    return roots.packIds();
  }

  /**
   * The manifest of pack {@code id}.
   *
   * @param id the pack id
   * @param at where the id was asked for, for the message when there is no such pack
   * @throws InvalidInputException when there is no such pack
   * @throws PackException when its manifest is wrong
   */
  public PackManifest get(String id, Position at) {
    PackManifest m = loaded.get(id);
    if (m != null) {
      return m;
    }
    if (!PACK_ID.matcher(id).matches()) {
      throw new InvalidInputException(
          dev.runwright.config.Diagnostic.error(
              at,
              "pack",
              Values.show(id)
                  + " is not a pack id; expected lower-case letters, digits and"
                  + " hyphens"
                  + Suggest.hint(id, ids())));
    }
    var found = roots.find(id + "/pack.yaml");
    if (found.isEmpty()) {
      throw new InvalidInputException(
          dev.runwright.config.Diagnostic.error(
              at,
              "pack",
              "there is no pack "
                  + Values.show(id)
                  + Suggest.hint(id, ids())
                  + " (packs: "
                  + String.join(", ", ids())
                  + ")"));
    }
    if (loaded != BUILTIN_LOADED) {
      m = parse(id, found.get());
      loaded.put(id, m);
      return m;
    }
    // A built-in manifest is read by one thread while another that wants it waits (the start-up
    // thread and the run ask for the same ones). A procedure's manifest reads its steps' under its
    // own lock; the built-in steps read no other, so the locks cannot form a cycle.
    synchronized (BUILTIN_LOCKS.computeIfAbsent(id, k -> new Object())) {
      m = loaded.get(id);
      if (m == null) {
        m = parse(id, found.get());
        loaded.put(id, m);
      }
      return m;
    }
  }

  /**
   * What pack {@code headId} expands to: its steps (its follow-ups, or a procedure's steps) and
   * their parameters.
   *
   * @throws InvalidInputException when there is no such pack
   * @throws PackException when a follow-up is missing, the chain loops, or two steps declare one
   *     parameter with different types
   */
  public Procedure procedure(String headId, Position at) {
    Procedure known = procedures.get(headId);
    if (known != null) {
      return known;
    }
    PackManifest head = get(headId, at);
    List<Procedure.Step> steps = new ArrayList<>();
    if (head.isProcedure()) {
      for (PackManifest.StepRef ref : head.steps()) {
        steps.add(new Procedure.Step(get(ref.pack(), at), ref.when()));
      }
    } else {
      followChain(head, at).forEach(m -> steps.add(new Procedure.Step(m, Condition.ALWAYS)));
    }
    List<PackManifest> all = new ArrayList<>();
    all.add(head);
    steps.forEach(s -> all.add(s.pack()));
    Map<String, ParameterSpec> params = new java.util.LinkedHashMap<>(ParameterUnion.of(all));
    // A parameter a conditional step requires is required only when that step applies, which
    // Workspace checks once it knows the values.
    params.replaceAll(
        (name, spec) ->
            spec.required() && !alwaysRequired(name, head, steps) ? spec.optional() : spec);
    Procedure p = new Procedure(head, steps, params);
    procedures.put(headId, p);
    return p;
  }

  private static boolean alwaysRequired(
      String name, PackManifest head, List<Procedure.Step> steps) {
    if (requires(head, name)) {
      return true;
    }
    return steps.stream().anyMatch(s -> s.when().tests().isEmpty() && requires(s.pack(), name));
  }

  private static boolean requires(PackManifest m, String name) {
    ParameterSpec p = m.parameters().get(name);
    return p != null && p.required();
  }

  private List<PackManifest> followChain(PackManifest m, Position at) {
    List<PackManifest> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (true) {
      if (!seen.add(m.id())) {
        throw new PackException(
            m.source() + ": error: the followUp chain loops back to pack " + m.id());
      }
      chain.add(m);
      if (m.followUp() == null) {
        return List.copyOf(chain);
      }
      if (chain.size() >= MAX_CHAIN) {
        throw new PackException(
            m.source() + ": error: the followUp chain is longer than " + MAX_CHAIN);
      }
      String next = m.followUp();
      if (roots.find(next + "/pack.yaml").isEmpty()) {
        throw new PackException(
            m.source() + ": error: followUp names pack \"" + next + "\", which does not exist");
      }
      m = get(next, at);
      if (m.isProcedure()) {
        throw new PackException(
            chain.get(chain.size() - 1).source()
                + ": error: followUp names pack \""
                + next
                + "\", which is a procedure");
      }
    }
  }

  private PackManifest parse(String id, TemplateRoots.Found file) {
    String source = file.builtin() ? "built-in " + file.name() : file.where();
    Node root;
    try {
      root = yaml.parse(file.text(), source);
    } catch (InvalidInputException e) {
      throw new PackException(e.diagnostics());
    }
    Diagnostics d = new Diagnostics();
    MappingReader r = new MappingReader(root, "", d);
    if (!r.ok()) {
      throw new PackException(d.all());
    }
    r.refuseUnknown(MANIFEST_KEYS, "manifest key");
    String declared = r.text("id", true);
    if (declared != null && !declared.equals(id)) {
      d.error(
          r.node("id").pos(),
          "id",
          Values.show(declared) + " differs from the folder name \"" + id + "\"");
    }
    String title = r.text("title", true);
    String followUp = packId(r, "followUp", d);
    String stepDir = r.text("stepDir", false);
    if (stepDir != null && !STEP_DIR.matcher(stepDir).matches()) {
      d.error(
          r.node("stepDir").pos(),
          "stepDir",
          Values.show(stepDir)
              + " is not a folder name; expected lower-case letters, digits and hyphens");
    }
    Map<String, ParameterSpec> params = ParameterParser.parse(r.node("parameters"), d);
    List<PackManifest.StepRef> steps = steps(id, r.node("steps"), params, d);
    if (!steps.isEmpty() && followUp != null) {
      d.error(
          r.node("followUp").pos(), "followUp", "a procedure lists its steps; it has no followUp");
    }
    List<String> idFrom = r.texts("idFrom");
    Set<String> known = new LinkedHashSet<>(params.keySet());
    steps.forEach(st -> known.addAll(get(st.pack(), root.pos()).parameters().keySet()));
    for (String p : idFrom) {
      if (!known.contains(p)) {
        d.error(
            r.node("idFrom").pos(),
            "idFrom",
            Values.show(p) + " names no parameter of this pack" + Suggest.hint(p, params.keySet()));
      }
    }
    List<String> index = r.texts("index");
    for (String p : index) {
      if (!known.contains(p)) {
        d.error(
            r.node("index").pos(),
            "index",
            Values.show(p) + " names no parameter of this pack" + Suggest.hint(p, known));
      }
    }
    List<PackManifest.Requirement> requires = requires(r.node("requires"), params, steps, d);
    List<DocumentSpec> docs =
        new DocumentParser(id, params, roots, d)
            .parse(r.node("documents"), steps.isEmpty(), root.pos());
    if (d.hasErrors()) {
      throw new PackException(d.all());
    }
    String step = r.text("step", false);
    String procedure = r.text("procedure", false);
    String description = r.text("description", false);
    return new PackManifest(
        id,
        title,
        description == null ? "" : description,
        step == null ? title : step,
        procedure == null ? title : procedure,
        followUp,
        stepDir == null ? id : stepDir,
        steps,
        idFrom,
        index,
        requires,
        params,
        docs,
        source);
  }

  /** {@code requires: [{anyOf: [a, b], when: {...}, message: ...}]}. */
  private List<PackManifest.Requirement> requires(
      Node node, Map<String, ParameterSpec> own, List<PackManifest.StepRef> steps, Diagnostics d) {
    List<PackManifest.Requirement> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    Set<String> known = new LinkedHashSet<>(own.keySet());
    for (PackManifest.StepRef s : steps) {
      known.addAll(get(s.pack(), Position.flag("--pack")).parameters().keySet());
    }
    List<Node> items = node instanceof Node.Sequence seq ? seq.items() : List.of(node);
    for (int i = 0; i < items.size(); i++) {
      String sub = "requires[" + i + "]";
      MappingReader m = new MappingReader(items.get(i), sub, d);
      if (!m.ok()) {
        continue;
      }
      m.refuseUnknown(List.of("anyOf", "when", "message"), "requires key");
      List<String> anyOf = m.texts("anyOf");
      if (anyOf.isEmpty()) {
        d.error(items.get(i).pos(), sub + ".anyOf", "must list at least one parameter");
      }
      for (String a : anyOf) {
        if (!known.contains(a)) {
          d.error(
              m.node("anyOf").pos(),
              sub + ".anyOf",
              Values.show(a) + " names no parameter" + Suggest.hint(a, known));
        }
      }
      Condition when = ConditionParser.parse(m.node("when"), sub + ".when", known, d);
      String message = m.text("message", true);
      if (message != null) {
        out.add(new PackManifest.Requirement(when, anyOf, message));
      }
    }
    return out;
  }

  private static String packId(MappingReader r, String key, Diagnostics d) {
    String v = r.text(key, false);
    if (v != null && !PACK_ID.matcher(v).matches()) {
      d.error(r.node(key).pos(), key, Values.show(v) + " is not a pack id");
    }
    return v;
  }

  /**
   * A procedure's steps: each a pack id, or {@code {pack: ID, when: ...}}. Conditions may name the
   * parameters of every step, so the steps' manifests are read first.
   */
  private List<PackManifest.StepRef> steps(
      String id, Node node, Map<String, ParameterSpec> own, Diagnostics d) {
    List<PackManifest.StepRef> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof Node.Sequence seq) || seq.items().isEmpty()) {
      d.error(node.pos(), "steps", "must be a list of at least one pack");
      return out;
    }
    List<String> names = new ArrayList<>();
    List<Node> whens = new ArrayList<>();
    List<Integer> places = new ArrayList<>(); // each step's index in the manifest, for messages
    Set<String> known = new LinkedHashSet<>(own.keySet());
    for (int i = 0; i < seq.items().size(); i++) {
      Node item = seq.items().get(i);
      String sub = "steps[" + i + "]";
      String pack;
      Node when = null;
      if (item instanceof Node.Scalar s && !s.isNull()) {
        pack = s.text();
      } else {
        MappingReader m = new MappingReader(item, sub, d);
        if (!m.ok()) {
          continue;
        }
        m.refuseUnknown(List.of("pack", "when"), "step key");
        pack = m.text("pack", true);
        when = m.node("when");
      }
      if (pack == null) {
        continue;
      }
      if (pack.equals(id)
          || !PACK_ID.matcher(pack).matches()
          || roots.find(pack + "/pack.yaml").isEmpty()) {
        d.error(
            item.pos(),
            sub,
            Values.show(pack)
                + " is not another pack"
                + Suggest.hint(pack, ids().stream().filter(other -> !other.equals(id)).toList()));
        continue;
      }
      PackManifest step = get(pack, item.pos());
      if (step.isProcedure()) {
        d.error(item.pos(), sub, "pack " + pack + " is a procedure itself; list its steps instead");
        continue;
      }
      known.addAll(step.parameters().keySet());
      names.add(pack);
      whens.add(when);
      places.add(i);
    }
    for (int i = 0; i < names.size(); i++) {
      Condition c =
          ConditionParser.parse(whens.get(i), "steps[" + places.get(i) + "].when", known, d);
      out.add(new PackManifest.StepRef(names.get(i), c));
    }
    return out;
  }
}
