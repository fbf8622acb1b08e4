package dev.runwright.confluence;

/**
 * One line of a publish plan.
 *
 * @param action what happens to the page
 * @param key the bundle key (for a page left alone, the key its marker names)
 * @param title the page title (the new one when it changes)
 * @param pageId the Confluence page id, or null for a page still to create
 * @param detail why, in words, or ""
 */
public record PlanItem(Action action, String key, String title, String pageId, String detail) {
  /** What a publish does to one page. */
  public enum Action {
    /** A bundle page Confluence does not have yet. */
    CREATE("create"),
    /** A page Runwright created whose content, title, labels or place changed. */
    UPDATE("update"),
    /** A page Runwright created that already holds what the bundle has: no request writes it. */
    UNCHANGED("unchanged"),
    /** A page Runwright created that the bundle no longer has: never deleted, only reported. */
    LEFT_ALONE("left alone"),
    /** A page that cannot be published as asked, such as a title another page already has. */
    CONFLICT("conflict");

    private final String word;

    Action(String word) {
      this.word = word;
    }

    /** The action as the plan prints it. */
    public String word() {
      return word;
    }
  }

  /** The item as one line: {@code update prod-use1 "Title" (page 123): content changed}. */
  public String line() {
    return action.word()
        + "  "
        + key
        + "  \""
        + title
        + "\""
        + (pageId == null ? "" : " (page " + pageId + ")")
        + (detail.isEmpty() ? "" : ": " + detail);
  }
}
