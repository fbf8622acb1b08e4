package dev.runwright.kind;

/** Tidying shared by the infrastructure-as-code kinds. */
final class IacText {
  private IacText() {}

  /**
   * No trailing spaces, no runs of blank lines left by template directives, no blank lines at the
   * start, one newline at the end.
   */
  static String tidy(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    boolean blank = true;
    for (String line : raw.split("\n", -1)) {
      String l = line.stripTrailing();
      if (l.isEmpty()) {
        if (!blank) {
          sb.append('\n');
        }
        blank = true;
        continue;
      }
      sb.append(l).append('\n');
      blank = false;
    }
    String out = sb.toString();
    while (out.endsWith("\n\n")) {
      out = out.substring(0, out.length() - 1);
    }
    return out.isEmpty() ? "\n" : out;
  }
}
