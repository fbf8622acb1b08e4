package dev.runwright.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.confluence.ConfluenceTarget.Flavor;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ConfluenceTargetTest {
  private static ConfluenceTarget target(String url, Flavor flavor, String user, boolean http) {
    return new ConfluenceTarget(
        URI.create(url), flavor, "OPS", "123456", user, "CONFLUENCE_TOKEN", http);
  }

  private static String refusal(String url, Flavor flavor, String user, boolean http) {
    return assertThrows(ConfluenceException.class, () -> target(url, flavor, user, http))
        .getMessage();
  }

  @Test
  void cloudAndDataCenterHaveTheirOwnRestRoots() {
    assertEquals(
        URI.create("https://acme.atlassian.net/wiki/rest/api"),
        target("https://acme.atlassian.net", Flavor.CLOUD, "a@b.c", false).apiRoot());
    assertEquals(
        URI.create("https://acme.atlassian.net/wiki/rest/api"),
        target("https://acme.atlassian.net/wiki/", Flavor.CLOUD, "a@b.c", false).apiRoot());
    assertEquals(
        URI.create("https://wiki.example.com:8443/confluence/rest/api"),
        target("https://wiki.example.com:8443/confluence", Flavor.DATA_CENTER, null, false)
            .apiRoot());
    assertEquals(Flavor.CLOUD, Flavor.guess(URI.create("https://ACME.atlassian.net/wiki")));
    assertEquals(Flavor.DATA_CENTER, Flavor.guess(URI.create("https://confluence.example.com")));
  }

  @Test
  void httpNeedsInsecureHttpAndCredentialsNeverGoInTheUrl() {
    assertTrue(
        refusal("http://wiki.example.com", Flavor.DATA_CENTER, null, false)
            .startsWith(
                "url: http://wiki.example.com is http, which would send the token unencrypted"));
    target("http://127.0.0.1:8090", Flavor.DATA_CENTER, null, true);
    String m = refusal("https://me:pw@wiki.example.com", Flavor.DATA_CENTER, null, false);
    assertTrue(m.contains("no user or password"), m);
    assertTrue(!m.contains("pw"), m);
    assertTrue(
        refusal("ftp://wiki.example.com", Flavor.DATA_CENTER, null, false).contains("https"));
    assertTrue(
        refusal("https://wiki.example.com/?x=1", Flavor.DATA_CENTER, null, false)
            .contains("?query"));
  }

  @Test
  void eachFieldIsChecked() {
    assertEquals(
        "user: Confluence Cloud needs the email of the Atlassian account the API token belongs to",
        refusal("https://acme.atlassian.net", Flavor.CLOUD, null, false));
    assertEquals(
        "user: expected an email address, without ':' or spaces",
        refusal("https://acme.atlassian.net", Flavor.CLOUD, "a:b@c", false));
    assertTrue(
        refusal("https://w.example", Flavor.DATA_CENTER, "a@b.c", false)
            .startsWith("user: Confluence Data Center"));
    ConfluenceException e =
        assertThrows(
            ConfluenceException.class,
            () ->
                new ConfluenceTarget(
                    URI.create("https://w.example"),
                    Flavor.DATA_CENTER,
                    "OPS",
                    "12ab",
                    null,
                    "T",
                    false));
    assertTrue(e.getMessage().startsWith("parent: \"12ab\" is not a page id"), e.getMessage());
    e =
        assertThrows(
            ConfluenceException.class,
            () ->
                new ConfluenceTarget(
                    URI.create("https://w.example"),
                    Flavor.DATA_CENTER,
                    "OPS",
                    "1",
                    null,
                    "MY-TOKEN",
                    false));
    assertTrue(e.getMessage().startsWith("token variable: \"MY-TOKEN\""), e.getMessage());
    e =
        assertThrows(
            ConfluenceException.class,
            () ->
                new ConfluenceTarget(
                    URI.create("https://w.example"),
                    Flavor.DATA_CENTER,
                    "O PS",
                    "1",
                    null,
                    "T",
                    false));
    assertTrue(e.getMessage().startsWith("space: \"O PS\""), e.getMessage());
  }
}
