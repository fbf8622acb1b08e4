package dev.runwright.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a user probably meant, for "did you mean ...?" hints. */
public final class Suggest {
  private Suggest() {}

  /** The candidate closest to {@code typed}, when it is close enough to be a likely typo. */
  public static Optional<String> nearest(String typed, Collection<String> candidates) {
    if (typed.length() > 64) {
      return Optional.empty(); // no name is that long; and the distance costs length squared
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = typed.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      String cl = c.toLowerCase(Locale.ROOT);
      int d = cl.equals(lower) || normalize(cl).equals(normalize(lower)) ? 0 : distance(lower, cl);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = typed.length() <= 4 ? 1 : Math.max(2, typed.length() / 3);
    if (bestDistance <= allowed) {
      return Optional.ofNullable(best);
    }
    if (lower.length() >= 4) {
      for (String c : candidates) {
        if (c.toLowerCase(Locale.ROOT).startsWith(lower)) {
          return Optional.of(c); // a name cut short: s3-bucket for s3-bucket-name
        }
      }
    }
    return Optional.empty();
  }

  /** " (did you mean X?)" or nothing. */
  public static String hint(String typed, Collection<String> candidates) {
    return nearest(typed, candidates).map(s -> "; did you mean " + s + "?").orElse("");
  }

  private static String normalize(String s) {
    return s.replace("_", "").replace("-", "");
  }

  /** Optimal string alignment distance: edits, with a swap of neighbours counted once. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
