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
import java.util.AbstractList;
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
  /**
   * How many prepared runbooks a build keeps between checking them and rendering them. A larger
   * inventory keeps a few hundred bytes per runbook instead (what the checks need), and each
   * runbook is prepared again from its entry as it renders, so memory stays flat in the size of the
   * inventory.
   */
  static final int KEEP = 1000;

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
    return prepare(target, routed, redact, followUps, strict, KEEP);
  }

  /**
   * As {@link #prepare(PublishTarget, Inputs.Routed, boolean, boolean, boolean)}, keeping {@code
   * keep} runbooks at most.
   */
  static SiteBuilder.Prepared prepare(
      PublishTarget target,
      Inputs.Routed routed,
      boolean redact,
      boolean followUps,
      boolean strict,
      int keep) {
    ConfigLoader.Inventory inv = inventory(routed);
    Workspace ws = new Workspace(routed.templates(), routed.yaml(), followUps);

    Diagnostics d = new Diagnostics();
    d.addAll(inv.entryProblems());
    List<RunbookInput> inputs = inv.runbooks();
    if (inputs.isEmpty() && inv.entryProblems().isEmpty()) {
      d.error(inv.runbooksAt(), "runbooks", "is empty; add at least one runbook");
    }
    Diagnostics idProblems = new Diagnostics();
    FleetIds.Given given = new FleetIds.Given();
    SharedProblems shared = new SharedProblems();
    List<FleetIds.Brief> briefs = new ArrayList<>();
    List<Runbook> kept = new ArrayList<>();
    Set<String> accounts = new HashSet<>();
    FleetNames names = new FleetNames();
    RunbookNotes notes = new RunbookNotes();
    Map<List<String>, List<String>> shapes = new HashMap<>();
    for (int e = 0; e < inputs.size(); e++) {
      RunbookInput in = inputs.get(e);
      given.check(in, idProblems);
      Diagnostics own = new Diagnostics();
      Runbook rb = ws.prepare(in, null, own);
      own.all().forEach(x -> shared.add(x, in.label()));
      if (rb == null) {
        continue;
      }
      int n = briefs.size();
      if (redact) {
        collectAccounts(rb, accounts);
      }
      names.add(n, rb, k -> briefs.get(k).label());
      notes.add(n, rb.notes());
      Runbook marked = rb.withId(FleetIds.MARK);
      List<String> paths = ws.renderer().paths(marked, target.layout(marked));
      briefs.add(
          new FleetIds.Brief(
              e,
              in.id(),
              in.idAt(),
              rb.label(),
              rb.at(),
              in.id() == null ? Ids.source(rb) : null,
              shapes.computeIfAbsent(paths, p -> p)));
      if (kept != null) {
        kept.add(rb);
        if (kept.size() > keep) {
          kept = null; // prepared again as each renders
        }
      }
    }
    d.addAll(idProblems.all());
    shared.reportTo(d);
    Redactor redactor = redact ? new Redactor(accounts) : Redactor.NONE;
    String[] ids = FleetIds.assign(briefs, redactor, d);
    if (!d.hasErrors()) {
      FleetIds.checkPaths(target.ownFiles(), briefs, ids, d);
    }
    Map<Integer, Map<String, List<String>>> sharing = Map.of();
    if (!d.hasErrors()) {
      names.report(d);
      sharing = names.shared(k -> ids[k]);
    }
    d.throwIfErrors(strict);
    List<Runbook> runbooks;
    if (kept != null) {
      runbooks = new ArrayList<>();
      for (int n = 0; n < kept.size(); n++) {
        runbooks.add(finish(kept.get(n), ids[n], sharing.get(n)));
      }
    } else {
      int[] entries = new int[briefs.size()];
      for (int n = 0; n < entries.length; n++) {
        entries[n] = briefs.get(n).entry();
      }
      runbooks = new Again(inputs, ws, entries, ids, sharing); // the briefs are done with
    }
    // Keep the inventory's settings, not its entries: the runbooks hold what rendering needs.
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
    return new SiteBuilder.Prepared(
        settings, ws, runbooks, redactor, d.warnings(), notes.lines(k -> ids[k]));
  }

  private static Runbook finish(Runbook rb, String id, Map<String, List<String>> shared) {
    Runbook withId = rb.withId(id);
    return shared == null ? withId : withId.withShared(shared);
  }

  /**
   * The runbooks of an inventory too large to keep prepared: each prepared again from its entry
   * when it is asked for, with the id and the shared names the checks gave it. Thread-safe, as the
   * renderers ask in parallel.
   */
  private static final class Again extends AbstractList<Runbook> {
    private final List<RunbookInput> inputs;
    private final Workspace ws;

    /** The inventory entry of each runbook: what the checks kept of them (4 bytes a runbook). */
    private final int[] entries;

    private final String[] ids;
    private final Map<Integer, Map<String, List<String>>> sharing;

    Again(
        List<RunbookInput> inputs,
        Workspace ws,
        int[] entries,
        String[] ids,
        Map<Integer, Map<String, List<String>>> sharing) {
      this.inputs = inputs;
      this.ws = ws;
      this.entries = entries;
      this.ids = ids;
      this.sharing = sharing;
    }

    @Override
    public int size() {
      return entries.length;
    }

    @Override
    public Runbook get(int n) {
      RunbookInput in = inputs.get(entries[n]);
      Runbook rb = ws.prepare(in, null, new Diagnostics());
      if (rb == null) {
        throw new IllegalStateException(in.label() + " was valid and is not any more");
      }
      return finish(rb, ids[n], sharing.get(n));
    }
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
}
