package dev.runwright.confluence;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where to publish: a Confluence site, a space and the page the bundle's home page goes under. The
 * token is not here: it is read from the environment variable {@code tokenEnv} when publishing, so
 * that it is never a flag, never in a file and never in a message.
 *
 * @param url the site: {@code https://example.atlassian.net} (or with {@code /wiki}) for Cloud,
 *     {@code https://confluence.example.com} with any context path ({@code /confluence}) for Data
 *     Center
 * @param flavor Cloud or Data Center; {@link Flavor#guess} picks it from the host
 * @param spaceKey the space key ({@code OPS})
 * @param parentId the id of the page the home page goes under
 * @param user on Cloud, the Atlassian account's email that the API token belongs to; on Data Center
 *     null (a personal access token names its user)
 * @param tokenEnv the environment variable that holds the API token or personal access token
 * @param insecureHttp allow an {@code http:} URL, for a test server on this machine only
 */
public record ConfluenceTarget(
    URI url,
    Flavor flavor,
    String spaceKey,
    String parentId,
    String user,
    String tokenEnv,
    boolean insecureHttp) {

  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PAGE_ID = Pattern.compile("[0-9]{1,20}");
  private static final Pattern EMAIL = Pattern.compile("[^\\p{Cntrl}\\s:@]+@[^\\p{Cntrl}\\s:@]+");
  private static final Pattern SPACE = Pattern.compile("~?[A-Za-z0-9_.-]{1,255}");

  /** Which REST API the site has and how it authenticates. */
  public enum Flavor {
    /** {@code /wiki/rest/api}, basic authentication with the account's email and API token. */
    CLOUD,
    /** {@code /rest/api} under the context path, a personal access token as a bearer token. */
    DATA_CENTER;

    /** Cloud for a host under {@code atlassian.net}, Data Center for any other. */
    public static Flavor guess(URI url) {
      String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
      return host.endsWith(".atlassian.net") ? CLOUD : DATA_CENTER;
    }
  }

  public ConfluenceTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(flavor, "flavor");
    checkUrl(url, insecureHttp);
    if (spaceKey == null || !SPACE.matcher(spaceKey).matches()) {
      throw new ConfluenceException(
          "space: \"" + Xml.clean(String.valueOf(spaceKey)) + "\" is not a space key (OPS, ~jdoe)");
    }
    if (parentId == null || !PAGE_ID.matcher(parentId).matches()) {
      throw new ConfluenceException(
          "parent: \""
              + Xml.clean(String.valueOf(parentId))
              + "\" is not a page id; expected the digits of the parent page's id (in its URL"
              + " /pages/123456/ or ?pageId=123456)");
    }
    if (tokenEnv == null || !ENV.matcher(tokenEnv).matches()) {
      throw new ConfluenceException(
          "token variable: \""
              + Xml.clean(String.valueOf(tokenEnv))
              + "\" is not an environment variable name (CONFLUENCE_TOKEN)");
    }
    if (flavor == Flavor.CLOUD && user == null) {
      throw new ConfluenceException(
          "user: Confluence Cloud needs the email of the Atlassian account the API token belongs"
              + " to");
    }
    if (flavor == Flavor.DATA_CENTER && user != null) {
      throw new ConfluenceException(
          "user: Confluence Data Center takes a personal access token alone; give no user");
    }
    if (user != null && !EMAIL.matcher(user).matches()) {
      throw new ConfluenceException("user: expected an email address, without ':' or spaces");
    }
  }

  private static void checkUrl(URI url, boolean insecureHttp) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String shown =
        url.getHost() == null ? Xml.clean(url.toString()) : scheme + "://" + url.getHost();
    if (url.getHost() == null || url.getRawUserInfo() != null) {
      throw new ConfluenceException(
          "url: \"" + shown + "\" must be https://HOST[/PATH], with no user or password in it");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new ConfluenceException("url: " + shown + ": give the site without ?query or #part");
    }
    if (scheme.equals("http") && !insecureHttp) {
      throw new ConfluenceException(
          "url: "
              + shown
              + " is http, which would send the token unencrypted; use https (http only with"
              + " --insecure-http, for a test server)");
    }
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new ConfluenceException("url: " + shown + ": expected an https URL");
    }
  }

  /**
   * The REST API's root, without a trailing slash: {@code https://x.atlassian.net/wiki/rest/api}.
   */
  public URI apiRoot() {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (flavor == Flavor.CLOUD && !path.endsWith("/wiki")) {
      path = path + "/wiki";
    }
    // The authority has no user info: the constructor refuses one.
    return URI.create(
        url.getScheme().toLowerCase(Locale.ROOT)
            + "://"
            + url.getRawAuthority()
            + path
            + "/rest/api");
  }
}
