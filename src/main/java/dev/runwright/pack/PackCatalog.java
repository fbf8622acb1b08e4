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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds packs in the template folders, reads and checks their manifests, and follows their {@code
 * followUp} links into chains. Manifests are read once. Thread-safe.
 */
public final class PackCatalog {
  /** The pack a runbook uses when it names none. */
  public static final String DEFAULT_PACK = "kms-policy";

  /** Keys an input may carry beside a pack's parameters. */
  public static final Set<String> RESERVED = Set.of("pack", "id", "templates");

  private static final Pattern PACK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern PARAM_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");
  private static final Pattern DOC_ID = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");
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
          "parameters",
          "documents");
  private static final List<String> PARAM_KEYS =
      List.of(
          "type",
          "list",
          "required",
          "default",
          "pattern",
          "values",
          "min",
          "max",
          "maxLength",
          "minItems",
          "maxItems",
          "help",
          "example",
          "whenMissing");
  private static final List<String> DOC_KEYS =
      List.of("id", "path", "template", "kind", "from", "expect");
  private static final List<String> EXPECT_KEYS =
      List.of("policyType", "actions", "allowOnly", "resourcesFrom", "principalService");

  private final TemplateRoots roots;
  private final YamlReader yaml;
  private final Map<String, PackManifest> loaded = new ConcurrentHashMap<>();
  private final Map<String, List<PackManifest>> chains = new ConcurrentHashMap<>();

  public PackCatalog(TemplateRoots roots, YamlReader yaml) {
    this.roots = roots;
    this.yaml = yaml;
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
    m = parse(id, found.get());
    loaded.put(id, m);
    return m;
  }

  /**
   * The pack and its follow-ups, in order.
   *
   * @throws PackException when a follow-up is missing or the chain loops
   */
  public List<PackManifest> chain(String headId, Position at) {
    List<PackManifest> known = chains.get(headId);
    if (known != null) {
      return known;
    }
    List<PackManifest> chain = followChain(headId, at);
    chains.put(headId, chain);
    return chain;
  }

  private List<PackManifest> followChain(String headId, Position at) {
    List<PackManifest> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    PackManifest m = get(headId, at);
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
    String description = r.text("description", false);
    String step = r.text("step", false);
    String procedure = r.text("procedure", false);
    String followUp = r.text("followUp", false);
    if (followUp != null && !PACK_ID.matcher(followUp).matches()) {
      d.error(r.node("followUp").pos(), "followUp", Values.show(followUp) + " is not a pack id");
    }
    String stepDir = r.text("stepDir", false);
    if (stepDir != null && !STEP_DIR.matcher(stepDir).matches()) {
      d.error(
          r.node("stepDir").pos(),
          "stepDir",
          Values.show(stepDir)
              + " is not a folder name; expected lower-case letters, digits and"
              + " hyphens");
    }
    Map<String, ParameterSpec> params = parameters(r.node("parameters"), d);
    List<DocumentSpec> docs = documents(id, r.node("documents"), params, d, root.pos());
    if (d.hasErrors()) {
      throw new PackException(d.all());
    }
    return new PackManifest(
        id,
        title,
        description == null ? "" : description,
        step == null ? title : step,
        procedure == null ? title : procedure,
        followUp,
        stepDir == null ? id : stepDir,
        params,
        docs,
        source);
  }

  private Map<String, ParameterSpec> parameters(Node node, Diagnostics d) {
    Map<String, ParameterSpec> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    MappingReader all = new MappingReader(node, "parameters", d);
    if (!all.ok()) {
      return out;
    }
    for (Node.Field f : all.mapping().fields().values()) {
      String name = f.key();
      String sub = "parameters." + name;
      if (!PARAM_NAME.matcher(name).matches() || RESERVED.contains(name)) {
        d.error(
            f.keyPos(),
            "parameters",
            Values.show(name)
                + (RESERVED.contains(name)
                    ? " is reserved"
                    : " is not a parameter name; expected camelCase letters and digits"));
        continue;
      }
      MappingReader p = new MappingReader(f.value(), sub, d);
      if (!p.ok()) {
        continue;
      }
      p.refuseUnknown(PARAM_KEYS, "parameter key");
      String typeName = p.text("type", true);
      ParamType type = null;
      if (typeName != null) {
        type = ParamTypes.get(typeName).orElse(null);
        if (type == null) {
          d.error(
              p.node("type").pos(),
              sub + ".type",
              "unknown type "
                  + Values.show(typeName)
                  + Suggest.hint(typeName, ParamTypes.ids())
                  + " (types: "
                  + String.join(", ", ParamTypes.ids())
                  + ")");
        }
      }
      Pattern pattern = null;
      String regex = p.text("pattern", false);
      if (regex != null) {
        try {
          pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          d.error(
              p.node("pattern").pos(),
              sub + ".pattern",
              "is not a regular expression: " + e.getDescription());
        }
      }
      List<String> values = p.texts("values");
      if ("enum".equals(typeName) && values.isEmpty()) {
        d.error(p.mapping().pos(), sub, "is an enum without values; add values: [a, b]");
      }
      Integer minItems = p.integer("minItems");
      Integer min = p.integer("min");
      Integer max = p.integer("max");
      if (min != null && max != null && min > max) {
        d.error(p.node("min").pos(), sub + ".min", min + " is above max " + max);
      }
      if (type == null) {
        continue;
      }
      ParameterSpec spec =
          new ParameterSpec(
              name,
              type,
              p.flag("list", false),
              p.flag("required", false),
              p.node("default"),
              pattern,
              values,
              min,
              max,
              p.integer("maxLength"),
              minItems == null ? 0 : minItems,
              p.integer("maxItems"),
              p.text("help", false),
              p.text("example", false),
              p.text("whenMissing", false),
              f.keyPos());
      ParameterResolver.checkDefault(spec, d);
      out.put(name, spec);
    }
    return out;
  }

  private List<DocumentSpec> documents(
      String packId,
      Node node,
      Map<String, ParameterSpec> params,
      Diagnostics d,
      Position manifestPos) {
    List<DocumentSpec> out = new ArrayList<>();
    if (!(node instanceof Node.Sequence seq) || seq.items().isEmpty()) {
      d.error(
          node == null ? manifestPos : node.pos(),
          "documents",
          "must be a list of at least one document");
      return out;
    }
    Set<String> ids = new HashSet<>();
    Set<String> paths = new HashSet<>();
    Map<String, DocumentSpec.Kind> kinds = new LinkedHashMap<>();
    for (int i = 0; i < seq.items().size(); i++) {
      String sub = "documents[" + i + "]";
      MappingReader r = new MappingReader(seq.items().get(i), sub, d);
      if (!r.ok()) {
        continue;
      }
      r.refuseUnknown(DOC_KEYS, "document key");
      String id = r.text("id", true);
      String path = r.text("path", true);
      String kindName = r.text("kind", true);
      String template = r.text("template", false);
      String from = r.text("from", false);
      if (id == null || path == null || kindName == null) {
        continue;
      }
      Position at = seq.items().get(i).pos();
      if (!DOC_ID.matcher(id).matches() || !ids.add(id)) {
        d.error(r.node("id").pos(), sub + ".id", Values.show(id) + " is not a new camelCase id");
      }
      if (!TemplateRoots.isSafeName(path) || !paths.add(path)) {
        d.error(
            r.node("path").pos(),
            sub + ".path",
            Values.show(path) + " is not a new relative file name (no .., no leading /)");
      }
      DocumentSpec.Kind kind = DocumentSpec.Kind.of(kindName);
      if (kind == null) {
        d.error(
            r.node("kind").pos(),
            sub + ".kind",
            "unknown kind "
                + Values.show(kindName)
                + Suggest.hint(kindName, DocumentSpec.Kind.ids())
                + " (kinds: "
                + String.join(", ", DocumentSpec.Kind.ids())
                + ")");
        continue;
      }
      if (kind == DocumentSpec.Kind.PAGE) {
        if (template == null) {
          template = "/common/page.html.ftlh";
        }
        if (from == null || kinds.get(from) != DocumentSpec.Kind.MARKDOWN) {
          d.error(
              at,
              sub + ".from",
              "a page-html document needs from: naming a runbook-markdown document above it");
        }
      } else if (template == null) {
        d.error(at, sub, "is missing the required key \"template\"");
        continue;
      }
      String resolved = template.startsWith("/") ? template.substring(1) : packId + "/" + template;
      if (!TemplateRoots.isSafeName(resolved)) {
        d.error(
            r.node("template") == null ? at : r.node("template").pos(),
            sub + ".template",
            Values.show(template) + " is not a template name inside the template folders");
        continue;
      }
      String ext = extensionProblem(kind, resolved);
      if (ext != null) {
        d.error(r.node("template").pos(), sub + ".template", ext);
      }
      if (roots.find(resolved).isEmpty()) {
        d.error(
            r.node("template") == null ? at : r.node("template").pos(),
            sub + ".template",
            "template " + resolved + " was not found in the template folders");
      }
      DocumentSpec.Expect expect = expect(r.node("expect"), sub, params, d);
      kinds.put(id, kind);
      out.add(new DocumentSpec(id, path, resolved, kind, from, expect));
    }
    return out;
  }

  private static String extensionProblem(DocumentSpec.Kind kind, String template) {
    String wanted =
        switch (kind) {
          case POLICY_JSON, JSON -> ".json.ftl";
          case MARKDOWN -> ".md.ftl";
          case PAGE -> ".ftlh";
        };
    return template.endsWith(wanted)
        ? null
        : "a "
            + kind.id()
            + " template's name must end in "
            + wanted
            + " so that its output is escaped for where it lands";
  }

  private static DocumentSpec.Expect expect(
      Node node, String sub, Map<String, ParameterSpec> params, Diagnostics d) {
    if (node == null) {
      return DocumentSpec.Expect.NONE;
    }
    MappingReader r = new MappingReader(node, sub + ".expect", d);
    if (!r.ok()) {
      return DocumentSpec.Expect.NONE;
    }
    r.refuseUnknown(EXPECT_KEYS, "expect key");
    String type = r.text("policyType", false);
    if (type != null && !type.equals("identity") && !type.equals("trust")) {
      d.error(r.node("policyType").pos(), sub + ".expect.policyType", "expected identity or trust");
    }
    String from = r.text("resourcesFrom", false);
    if (from != null && !params.containsKey(from)) {
      d.error(
          r.node("resourcesFrom").pos(),
          sub + ".expect.resourcesFrom",
          "names no parameter of this pack" + Suggest.hint(from, params.keySet()));
    }
    List<String> allowOnly = r.texts("allowOnly");
    for (String a : r.texts("actions")) {
      if (!allowOnly.isEmpty() && !allowOnly.contains(a)) {
        d.error(
            r.node("allowOnly").pos(),
            sub + ".expect.allowOnly",
            "leaves out " + a + ", which actions requires");
      }
    }
    return new DocumentSpec.Expect(
        type == null ? "identity" : type,
        r.texts("actions"),
        allowOnly,
        from,
        r.text("principalService", false));
  }
}
