package dev.runwright.confluence;

import java.util.ArrayList;
import java.util.List;

/**
 * What a publish planned and did.
 *
 * @param plan every page, in the order the publish takes them, then the pages left alone
 * @param done the creates and updates carried out
 * @param notDone the creates and updates not carried out, because of {@code failure} or a dry run
 * @param failure why the publish stopped, one line, or null when it did not
 * @param dryRun whether nothing was meant to be written
 */
public record PublishResult(
    List<PlanItem> plan,
    List<PlanItem> done,
    List<PlanItem> notDone,
    String failure,
    boolean dryRun) {
  public PublishResult {
    plan = List.copyOf(plan);
    done = List.copyOf(done);
    notDone = List.copyOf(notDone);
  }

  /** Whether the publish did all it planned (for a dry run: whether it could). */
  public boolean ok() {
    return failure == null;
  }

  /** Whether Confluence differs from the bundle: anything to create or update, or a conflict. */
  public boolean changes() {
    return plan.stream()
        .anyMatch(
            i ->
                i.action() == PlanItem.Action.CREATE
                    || i.action() == PlanItem.Action.UPDATE
                    || i.action() == PlanItem.Action.CONFLICT);
  }

  /** How many items of the plan have {@code action}. */
  public long count(PlanItem.Action action) {
    return plan.stream().filter(i -> i.action() == action).count();
  }

  /**
   * One line: {@code 2 created, 1 updated, 40 unchanged, 1 left alone}, or what a dry run would do.
   */
  public String summary() {
    long create = count(PlanItem.Action.CREATE);
    long update = count(PlanItem.Action.UPDATE);
    String tail =
        count(PlanItem.Action.UNCHANGED)
            + " unchanged, "
            + count(PlanItem.Action.LEFT_ALONE)
            + " left alone"
            + (count(PlanItem.Action.CONFLICT) > 0
                ? ", " + count(PlanItem.Action.CONFLICT) + " in conflict"
                : "");
    if (dryRun) {
      return "would create " + create + ", update " + update + "; " + tail;
    }
    long created = done.stream().filter(i -> i.action() == PlanItem.Action.CREATE).count();
    long updated = done.size() - created;
    return created
        + " created, "
        + updated
        + " updated, "
        + tail
        + (notDone.isEmpty() ? "" : "; " + notDone.size() + " not done");
  }

  /** The plan line by line, the summary, and on failure what stopped it and what is left. */
  public List<String> report() {
    List<String> out = new ArrayList<>();
    plan.forEach(i -> out.add(i.line()));
    out.add(summary());
    if (failure != null) {
      out.add("stopped: " + failure);
      if (!notDone.isEmpty()) {
        out.add(
            count(PlanItem.Action.CONFLICT) > 0
                ? "not done:"
                : "not done (publish again to finish; what was done is not repeated):");
        notDone.forEach(i -> out.add("  " + i.line()));
      }
    }
    return out;
  }
}
