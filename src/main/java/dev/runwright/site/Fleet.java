package dev.runwright.site;

import dev.runwright.aws.AwsContext;
import dev.runwright.aws.KmsKey;
import dev.runwright.config.ConfigLoader;
import dev.runwright.config.Diagnostic;
import dev.runwright.config.Diagnostics;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Position;
import dev.runwright.config.RunbookInput;
import dev.runwright.core.Inputs;
import dev.runwright.core.Runbook;
import dev.runwright.core.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An inventory made ready to publish: every entry validated (every problem of every entry reported
 * at once), each runbook given its id, and no two runbooks writing one file.
 */
final class Fleet {
  private Fleet() {}

  /**
   * Reads and validates an inventory, giving every runbook its id.
   *
   * @throws InvalidInputException with every problem of every entry
   */
  static SiteBuilder.Prepared prepare(
      PublishTarget target,
      Inputs.Routed routed,
      boolean redact,
      boolean followUps,
      boolean strict) {
    ConfigLoader.Inventory inv = inventory(routed);
    Workspace ws = new Workspace(routed.templates(), routed.yaml(), followUps);

    Diagnostics d = new Diagnostics();
    d.addAll(inv.entryProblems());
    if (inv.runbooks().isEmpty() && inv.entryProblems().isEmpty()) {
      d.error(inv.runbooksAt(), "runbooks", "is empty; add at least one runbook");
    }
    checkGivenIds(inv.runbooks(), d);
    List<Map.Entry<Runbook, RunbookInput>> prepared = new ArrayList<>();
    SharedProblems shared = new SharedProblems();
    for (RunbookInput in : inv.runbooks()) {
      Diagnostics own = new Diagnostics();
      Runbook rb = ws.prepare(in, null, own);
      own.all().forEach(x -> shared.add(x, in.label()));
      if (rb != null) {
        prepared.add(Map.entry(rb, in));
      }
    }
    shared.reportTo(d);
    Set<String> accounts = new HashSet<>();
    if (redact) {
      prepared.forEach(e -> collectAccounts(e.getKey(), accounts));
    }
    Redactor redactor = redact ? new Redactor(accounts) : Redactor.NONE;
    Map<String, Position> idAt = new HashMap<>();
    List<Runbook> withIds = assignIds(prepared, redactor, d, idAt);
    if (!d.hasErrors()) {
      checkPaths(target, withIds, ws, d, idAt);
    }
    if (!d.hasErrors()) {
      withIds = FleetNames.plan(withIds, d);
    }
    d.throwIfErrors(strict);
    // Keep the inventory's settings, not its parsed entries: the runbooks hold what rendering
    // needs, and a large inventory's YAML tree is most of the memory a build would otherwise keep.
    ConfigLoader.Inventory settings =
        new ConfigLoader.Inventory(
            inv.title(),
            inv.baseUrl(),
            inv.baseUrlAt(),
            List.of(),
            inv.runbooksAt(),
            inv.templates(),
            inv.source(),
            List.of(),
            inv.editUrl());
    return new SiteBuilder.Prepared(settings, ws, withIds, redactor, d.warnings());
  }

  /** The inventory; a runbook file is an inventory of one entry. */
  private static ConfigLoader.Inventory inventory(Inputs.Routed routed) {
    if (routed instanceof Inputs.Fleet f) {
      return f.inventory();
    }
    RunbookInput r = ((Inputs.One) routed).input();
    RunbookInput entry =
        new RunbookInput("runbook", r.id(), r.idAt(), r.pack(), r.packAt(), r.fields(), r.at());
    return new ConfigLoader.Inventory(
        "Runbooks",
        null,
        r.at(),
        List.of(entry),
        r.at(),
        routed.templates(),
        r.at().source(),
        List.of());
  }

  /**
   * The account IDs a runbook names: its account, every parameter of type {@code aws-account-id}
   * and the account of every key ARN.
   */
  private static void collectAccounts(Runbook rb, Set<String> accounts) {
    AwsContext aws = rb.params().aws();
    if (aws != null) {
      accounts.add(aws.account());
    }
    Set<String> accountParams = new HashSet<>();
    List<dev.runwright.pack.PackManifest> packs = new ArrayList<>(List.of(rb.head()));
    rb.steps().forEach(s -> packs.add(s.pack()));
    for (dev.runwright.pack.PackManifest pack : packs) {
      pack.parameters()
          .values()
          .forEach(
              spec -> {
                if (spec.type().id().equals("aws-account-id")) {
                  accountParams.add(spec.name());
                }
              });
    }
    for (Map.Entry<String, Object> e : rb.params().values().entrySet()) {
      Object v = e.getValue();
      for (Object item : v instanceof List<?> l ? l : v == null ? List.of() : List.of(v)) {
        if (item instanceof KmsKey k) {
          accounts.add(k.account());
        } else if (item instanceof String s && accountParams.contains(e.getKey())) {
          accounts.add(s);
        }
      }
    }
  }

  /**
   * The problems of every entry, with a problem of a value that many entries share (from {@code
   * defaults}, or a YAML alias) reported once, not once per entry.
   */
  private static final class SharedProblems {
    private record Key(
        Position where, String subject, dev.runwright.config.Severity severity, String msg) {}

    private final Map<Key, Diagnostic> first = new LinkedHashMap<>();
    private final Map<Key, Integer> count = new HashMap<>();

    void add(Diagnostic x, String label) {
      if (x.where() == null || x.where().isFlag()) {
        first.put(new Key(null, x.subject(), x.severity(), first.size() + ""), x);
        return;
      }
      String subject = x.subject();
      if (subject.startsWith(label)) {
        subject = subject.substring(label.length()).replaceFirst("^: ", "");
      }
      Key k = new Key(x.where(), subject, x.severity(), x.message());
      first.putIfAbsent(k, x);
      count.merge(k, 1, Integer::sum);
    }

    void reportTo(Diagnostics d) {
      first.forEach(
          (k, x) -> {
            int n = count.getOrDefault(k, 1);
            d.add(
                n == 1
                    ? x
                    : new Diagnostic(
                        x.severity(),
                        x.where(),
                        k.subject(),
                        x.message() + " (shared by " + n + " runbooks)"));
          });
    }
  }

  /** Gives each runbook its id: its own, checked, or one derived from its values. */
  private static List<Runbook> assignIds(
      List<Map.Entry<Runbook, RunbookInput>> runbooks,
      Redactor redactor,
      Diagnostics d,
      Map<String, Position> idAt) {
    Map<String, Runbook> byId = new HashMap<>();
    Map<String, String> givenId = new HashMap<>();
    Map<String, String> unmaskedById = new HashMap<>();
    List<Runbook> out = new ArrayList<>();
    for (Map.Entry<Runbook, RunbookInput> e : runbooks) {
      Runbook rb = e.getKey();
      RunbookInput in = e.getValue();
      String id;
      if (in.id() != null) {
        if (Ids.problem(in.id()) != null) {
          continue; // reported by checkGivenIds
        }
        id = redactor.slug(in.id());
      } else {
        id = Ids.derive(rb, redactor);
        String unmasked = Ids.derive(rb, Redactor.NONE);
        if (unmaskedById.containsKey(id) && !unmasked.equals(unmaskedById.get(id))) {
          // Two accounts that end in the same four digits: masking alone must not make the
          // inventory invalid, so the later runbook gets a numbered id.
          String base = id;
          for (int n = 2; byId.containsKey(id); n++) {
            id = base + "-" + n;
          }
        }
        unmaskedById.putIfAbsent(id, unmasked);
      }
      Runbook first = byId.putIfAbsent(id, rb);
      if (first != null && in.id() != null && in.id().equals(givenId.get(id))) {
        continue; // the same id given twice, reported by checkGivenIds
      }
      if (in.id() != null) {
        givenId.putIfAbsent(id, in.id());
      }
      if (first != null) {
        d.error(
            rb.at(),
            rb.label(),
            "has the id \""
                + id
                + "\", like "
                + first.label()
                + "; give "
                + (in.id() != null ? "one of them another id" : "it an id of its own (id: ...)"));
        continue;
      }
      out.add(rb.withId(id));
      idAt.put(id, in.id() != null ? in.idAt() : rb.at());
    }
    return out;
  }

  /**
   * Reports every id the inventory gives that is not a slug or that another entry gives too,
   * including on entries with other errors, so that one run names every problem.
   */
  private static void checkGivenIds(List<RunbookInput> inputs, Diagnostics d) {
    Map<String, RunbookInput> first = new HashMap<>();
    for (RunbookInput in : inputs) {
      if (in.id() == null) {
        continue;
      }
      String problem = Ids.problem(in.id());
      if (problem != null) {
        d.error(in.idAt(), in.label() + ": id", problem);
        continue;
      }
      RunbookInput before = first.putIfAbsent(in.id(), in);
      if (before != null) {
        d.error(
            in.at(),
            in.label(),
            "has the id \""
                + in.id()
                + "\", like "
                + before.label()
                + "; give one of them another id");
      }
    }
  }

  /**
   * Refuses runbooks whose files would land on each other's, such as the wiki pages of ids {@code
   * orders} ({@code orders-role.md} for its role step) and {@code orders-role}.
   */
  private static void checkPaths(
      PublishTarget target,
      List<Runbook> runbooks,
      Workspace ws,
      Diagnostics d,
      Map<String, Position> idAt) {
    Map<String, Runbook> owner = new HashMap<>();
    for (String own : target.ownFiles()) {
      owner.put(own, null);
    }
    for (Runbook rb : runbooks) {
      for (String path : ws.renderer().paths(rb, target.layout(rb))) {
        if (owner.containsKey(path)) {
          Runbook other = owner.get(path);
          d.error(
              idAt.get(rb.id()),
              rb.label() + ": id",
              "\""
                  + rb.id()
                  + "\" would write "
                  + path
                  + ", which "
                  + (other == null ? "the site itself writes" : other.label() + " writes too")
                  + "; choose another id");
          break;
        }
        owner.put(path, rb);
      }
    }
  }
}
