package dev.runwright.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the runbooks of an inventory say to the user, once per note with the runbooks it concerns:
 * "clusterId is not set" for 2,500 runbooks is one line that names the first few. Keeps a count and
 * the first five runbooks of each note, not a list of every runbook.
 */
final class RunbookNotes {
  private static final int NAMED = 5;

  /** Per note: how many runbooks, then the numbers of the first {@link #NAMED}. */
  private final Map<String, int[]> byNote = new LinkedHashMap<>();

  /** Adds the notes of runbook number {@code n}. */
  void add(int n, List<String> notes) {
    for (String note : notes) {
      int[] seen = byNote.computeIfAbsent(note, k -> new int[NAMED + 1]);
      if (seen[0] < NAMED) {
        seen[1 + seen[0]] = n;
      }
      seen[0]++;
    }
  }

  /** One line per note, the runbooks named by {@code idOf}. */
  List<String> lines(IntFunction<String> idOf) {
    List<String> out = new ArrayList<>();
    byNote.forEach(
        (note, seen) -> {
          int count = seen[0];
          List<String> first = new ArrayList<>();
          Arrays.stream(seen, 1, 1 + Math.min(count, NAMED)).forEach(n -> first.add(idOf.apply(n)));
          String who =
              count == 1
                  ? first.get(0)
                  : count
                      + " runbooks ("
                      + String.join(", ", first)
                      + (count > NAMED ? " and " + (count - NAMED) + " more" : "")
                      + ")";
          out.add(who + ": " + note);
        });
    return out;
  }
}
