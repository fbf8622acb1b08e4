package dev.runwright.site;

import dev.runwright.core.Layout;
import dev.runwright.core.Runbook;
import dev.runwright.core.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Flat GitHub or GitLab wiki pages: a home page, a sidebar, and one page per runbook and step with
 * wiki links. GitLab names its home page {@code home.md} and its sidebar {@code _sidebar.md}.
 */
public final class WikiTarget implements PublishTarget {
  /** The wiki's host, which decides the names of the home page and the sidebar. */
  public enum Host {
    GITHUB("Home.md", "_Sidebar.md"),
    GITLAB("home.md", "_sidebar.md");

    private final String home;
    private final String sidebar;

    Host(String home, String sidebar) {
      this.home = home;
      this.sidebar = sidebar;
    }

    public String home() {
      return home;
    }

    public String sidebar() {
      return sidebar;
    }
  }

  private final Host host;

  public WikiTarget(Host host) {
    this.host = host;
  }

  public Host host() {
    return host;
  }

  /**
   * The wiki for a folder: GitLab's when it holds a {@code home.md} or is a clone of a GitLab wiki
   * (a remote's url in its {@code .git/config} has a gitlab host), GitHub's otherwise.
   */
  public static WikiTarget forFolder(Path out) {
    boolean github = Files.isRegularFile(out.resolve(Host.GITHUB.home));
    boolean gitlab = Files.isRegularFile(out.resolve(Host.GITLAB.home));
    if (github != gitlab) {
      // The home page already there says which (on a case-blind disk both answer: look on).
      return new WikiTarget(github ? Host.GITHUB : Host.GITLAB);
    }
    try {
      for (String line : Files.readAllLines(out.resolve(".git/config"))) {
        String t = line.strip().toLowerCase(Locale.ROOT);
        // A remote whose host is gitlab.com or gitlab.<something>: not any mention of gitlab.
        if (t.startsWith("url")
            && t.contains("=")
            && t.matches(".*(://|@)(www\\.)?gitlab\\.[^/:]+.*")) {
          return new WikiTarget(Host.GITLAB);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no readable git configuration: nothing says GitLab
    }
    return new WikiTarget(Host.GITHUB);
  }

  /** Whether {@code out} looks like a published wiki (it has either host's home page). */
  public static boolean isWiki(Path out) {
    return Files.exists(out.resolve(Host.GITHUB.home))
        || Files.exists(out.resolve(Host.GITLAB.home));
  }

  @Override
  public String name() {
    return host == Host.GITHUB ? "github-wiki" : "gitlab-wiki";
  }

  @Override
  public Layout layout(Runbook rb) {
    return new WikiLayout(rb.id());
  }

  @Override
  public List<String> ownFiles() {
    return List.of(host.home, host.sidebar);
  }

  @Override
  public boolean acceptsGitClone() {
    return true;
  }

  @Override
  public String writeShared(Shared shared, Target out) {
    SiteBuilder.Prepared p = shared.prepared();
    Workspace ws = p.workspace();
    IndexModel model = SiteBuilder.indexModel(p, shared.index(), WikiLayout.pageName(host.home));
    out.write(host.home, bytes(p, ws.engine().render("wiki/Home.md.ftl", model)));
    out.write(host.sidebar, bytes(p, ws.engine().render("wiki/_Sidebar.md.ftl", model)));
    return host.home;
  }

  private static byte[] bytes(SiteBuilder.Prepared p, String text) {
    return p.redactor().published("Home.md", text).getBytes(StandardCharsets.UTF_8);
  }
}
