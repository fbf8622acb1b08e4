package dev.runwright.site;

import java.util.List;

/**
 * What a publish did with the files in the folder that Runwright did not write.
 *
 * @param files how many of the user's own files were kept, not counting those inside {@code .git}
 * @param first the first few of them (at most {@link #SHOWN}), sorted, to name when there are few
 * @param git whether a top-level {@code .git} was kept
 * @param replaced the user's files a published file replaced, sorted
 */
public record Carried(int files, List<String> first, boolean git, List<String> replaced) {
  /** How many kept files are named when there are few. */
  public static final int SHOWN = 3;

  public Carried {
    first = List.copyOf(first);
    replaced = List.copyOf(replaced);
  }

  static final Carried NOTHING = new Carried(0, List.of(), false, List.of());
}
