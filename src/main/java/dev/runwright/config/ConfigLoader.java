package dev.runwright.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Runwright YAML file: either one runbook (its parameters at the top level) or an inventory
 * of many ({@code runbooks:} with optional {@code defaults:}). Checks the file's own structure; the
 * parameters are checked later against the packs.
 */
public final class ConfigLoader {
  private static final List<String> INVENTORY_KEYS =
      List.of("title", "baseUrl", "editUrl", "templates", "defaults", "runbooks");

  private final YamlReader yaml;

  public ConfigLoader(YamlReader yaml) {
    this.yaml = yaml;
  }

  /** What a file holds. */
  public sealed interface Config permits Single, Inventory {
    /** Template folders the file names, resolved against the file's folder. */
    List<Path> templates();
  }

  /** A file with one runbook. */
  public record Single(RunbookInput runbook, List<Path> templates) implements Config {}

  /**
   * An inventory of runbooks.
   *
   * @param title the site title
   * @param baseUrl the absolute URL the site is published at, or {@code null}
   * @param baseUrlAt where baseUrl was written
   * @param runbooks each entry merged over the defaults
   * @param runbooksAt where the runbooks list is (or the file, when it is missing)
   * @param templates template folders
   * @param source the file name, for messages
   * @param entryProblems entries that are not mappings: reported with the problems of the other
   *     entries, so that one run shows them all
   * @param editUrl where the inventory can be edited (a page of its repository), which every page
   *     links as "Edit the input", or {@code null}
   */
  public record Inventory(
      String title,
      String baseUrl,
      Position baseUrlAt,
      List<RunbookInput> runbooks,
      Position runbooksAt,
      List<Path> templates,
      String source,
      List<Diagnostic> entryProblems,
      String editUrl)
      implements Config {
    public Inventory {
      entryProblems = List.copyOf(entryProblems);
    }

    /** An inventory without an edit link. */
    public Inventory(
        String title,
        String baseUrl,
        Position baseUrlAt,
        List<RunbookInput> runbooks,
        Position runbooksAt,
        List<Path> templates,
        String source,
        List<Diagnostic> entryProblems) {
      this(title, baseUrl, baseUrlAt, runbooks, runbooksAt, templates, source, entryProblems, null);
    }
  }

  /**
   * Reads {@code file}.
   *
   * @param name the file as the user named it, for messages
   * @throws InvalidInputException with every structural problem found; entries that are not
   *     mappings alone do not throw here but come with the inventory, to be reported with the
   *     problems of the other entries
   */
  public Config load(Path file, String name) {
    name = YamlReader.shown(file, name);
    InventoryEntries entries = new InventoryEntries(name);
    Node root = yaml.read(file, name, "runbooks", entries);
    Diagnostics d = new Diagnostics();
    Path base = file.toAbsolutePath().getParent();
    Config config;
    if (root instanceof Node.Mapping m && m.fields().containsKey("runbooks")) {
      Inventory inv = inventory(m, base, name, d, entries);
      if (d.hasErrors()) {
        d.addAll(inv.entryProblems()); // every structural problem at once
      }
      config = inv;
    } else if (root instanceof Node.Mapping m
        && (m.fields().containsKey("defaults") || m.fields().containsKey("baseUrl"))) {
      d.error(
          m.pos(),
          "runbooks",
          "is missing; this file has "
              + (m.fields().containsKey("defaults") ? "defaults" : "baseUrl")
              + ", so it is an inventory, which lists its runbooks under runbooks:");
      config = null;
    } else if (root instanceof Node.Mapping m && misspeltRunbooks(m) != null) {
      Node.Field f = misspeltRunbooks(m);
      d.error(
          f.keyPos(),
          f.key(),
          "unknown key; did you mean runbooks? (an inventory lists its runbooks under runbooks:)");
      config = null;
    } else {
      MappingReader r = new MappingReader(root, "", d);
      d.throwIfErrors();
      config = new Single(single(r.mapping(), "", d), templates(r, base, d));
    }
    d.throwIfErrors();
    return config;
  }

  /**
   * A key that is a list of mappings and spelt nearly like {@code runbooks} ({@code runbook:},
   * {@code Runbooks:}): the file is an inventory with a typo, not one runbook with a strange field,
   * and one error says so instead of a runbook's worth of misleading ones.
   */
  private static Node.Field misspeltRunbooks(Node.Mapping m) {
    for (Node.Field f : m.fields().values()) {
      if (f.value() instanceof Node.Sequence seq
          && !seq.items().isEmpty()
          && seq.items().get(0) instanceof Node.Mapping
          && Suggest.nearest(f.key(), List.of("runbooks")).isPresent()) {
        return f;
      }
    }
    return null;
  }

  /** A runbook given only by flags, with no file. */
  public static RunbookInput empty() {
    Position at = Position.flag("the command line");
    return new RunbookInput("", null, at, null, at, Map.of(), at);
  }

  /**
   * {@code input} with {@code flags} set over its fields; flags win.
   *
   * @param flags parameter values by name, positioned at their flags
   * @param pack a pack id from a flag, or {@code null}
   */
  public static RunbookInput override(
      RunbookInput input, Map<String, Node> flags, String pack, String packFlag) {
    Map<String, Node.Field> fields = new LinkedHashMap<>(input.fields());
    flags.forEach((k, v) -> fields.put(k, new Node.Field(k, v.pos(), v)));
    return new RunbookInput(
        input.label(),
        input.id(),
        input.idAt(),
        pack != null ? pack : input.pack(),
        pack != null ? Position.flag(packFlag) : input.packAt(),
        fields,
        input.at());
  }

  static RunbookInput single(Node.Mapping m, String label, Diagnostics d) {
    Map<String, Node.Field> fields = new LinkedHashMap<>(m.fields());
    fields.remove("templates");
    Node.Field pack = fields.remove("pack");
    Node.Field id = fields.remove("id");
    return new RunbookInput(
        label,
        text(id, "id", d),
        id == null ? m.pos() : id.value().pos(),
        text(pack, "pack", d),
        pack == null ? m.pos() : pack.value().pos(),
        fields,
        m.pos());
  }

  static String text(Node.Field f, String key, Diagnostics d) {
    if (f == null) {
      return null;
    }
    if (f.value() instanceof Node.Scalar s && !s.isNull()) {
      return s.text();
    }
    d.error(f.value().pos(), key, "is " + f.value().kind() + "; expected a single value");
    return null;
  }

  private Inventory inventory(
      Node.Mapping m, Path base, String name, Diagnostics d, InventoryEntries entries) {
    MappingReader r = new MappingReader(m, "", d);
    r.refuseUnknown(INVENTORY_KEYS, "inventory key");
    String title = r.text("title", false);
    String baseUrl = r.text("baseUrl", false);
    Position baseUrlAt = r.node("baseUrl") == null ? m.pos() : r.node("baseUrl").pos();
    if (baseUrl != null && !baseUrl.matches("https?://[^\\s\"'<>]+")) {
      d.error(
          baseUrlAt,
          "baseUrl",
          Values.show(baseUrl) + " is not an http(s) URL; expected https://host/path/");
    } else if (baseUrl != null
        && baseUrl.replaceFirst("^https?://", "").split("/")[0].contains("@")) {
      d.error(
          baseUrlAt,
          "baseUrl",
          "has a user name or password in it, which sitemap.xml would publish; expected"
              + " https://host/path/");
    } else if (baseUrl != null && (baseUrl.contains("?") || baseUrl.contains("#"))) {
      d.error(
          baseUrlAt,
          "baseUrl",
          Values.show(baseUrl)
              + " has a "
              + (baseUrl.contains("?") ? "query (?...)" : "fragment (#...)")
              + ", which every page address would be appended to; expected https://host/path/");
    } else if (baseUrl != null && !baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
    String editUrl = r.text("editUrl", false);
    if (editUrl != null && !editUrl.matches("https?://[^\\s\"'<>]+")) {
      d.error(
          r.node("editUrl").pos(),
          "editUrl",
          Values.show(editUrl)
              + " is not an http(s) URL; expected the inventory's page in its repository, such as"
              + " https://github.com/org/repo/edit/main/site.yaml");
      editUrl = null;
    } else if (editUrl != null
        && editUrl.replaceFirst("^https?://", "").split("/")[0].contains("@")) {
      d.error(
          r.node("editUrl").pos(),
          "editUrl",
          "has a user name or password in it, which every page would publish; expected"
              + " https://host/path");
      editUrl = null;
    }
    Map<String, Node.Field> defaults = new LinkedHashMap<>();
    Node defaultsNode = r.node("defaults");
    if (defaultsNode != null && !(defaultsNode instanceof Node.Scalar s && s.isNull())) {
      MappingReader dr = new MappingReader(defaultsNode, "defaults", d);
      if (dr.ok()) {
        defaults.putAll(dr.mapping().fields());
        for (String k : Set.of("id", "templates")) {
          if (defaults.containsKey(k)) {
            d.error(
                defaults.get(k).keyPos(),
                "defaults",
                k + " cannot have a default; set it on each entry or at the top of the file");
            defaults.remove(k);
          }
        }
      }
    }
    if (defaults.containsKey("pack")) {
      text(defaults.get("pack"), "pack", d);
    }
    entries.defaults(defaults);
    Node list = r.node("runbooks");
    List<RunbookInput> runbooks = List.of();
    if (list instanceof Node.Sequence seq) {
      if (!seq.items().isEmpty()) {
        // An anchored list is read whole; its items go through the same checks.
        for (int i = 0; i < seq.items().size(); i++) {
          entries.item(i, seq.items().get(i));
        }
      }
      runbooks = entries;
      d.addAll(entries.problems().all());
    } else if (list != null) {
      d.error(list.pos(), "runbooks", "is " + list.kind() + "; expected a list of runbooks");
    }
    List<Diagnostic> entryProblems = entries.notMappings();
    return new Inventory(
        title == null ? "Runbooks" : title,
        baseUrl,
        baseUrlAt,
        runbooks,
        list == null ? m.pos() : list.pos(),
        templates(r, base, d),
        name,
        entryProblems,
        editUrl);
  }

  private static List<Path> templates(MappingReader r, Path base, Diagnostics d) {
    List<Path> out = new ArrayList<>();
    for (String t : r.texts("templates")) {
      out.add(base.resolve(t).normalize());
    }
    Node n = r.node("templates");
    for (Path p : out) {
      if (!p.toFile().isDirectory()) {
        d.error(
            n.pos(),
            "templates",
            Values.show(p.toString())
                + " is not a folder; expected a folder of templates, relative"
                + " to the YAML file");
      }
    }
    return out;
  }
}
