package dev.runwright.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.confluence.FakeConfluence.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestClientTest {
  private final List<Duration> slept = new ArrayList<>();
  private FakeConfluence server;

  @AfterEach
  void stop() {
    server.close();
  }

  private RestClient client() throws Exception {
    server = new FakeConfluence("", "Bearer t0k");
    ConfluenceTarget t =
        new ConfluenceTarget(
            server.url(""), ConfluenceTarget.Flavor.DATA_CENTER, "OPS", "100", null, "T", true);
    return new RestClient(t, "t0k", RestClient.defaultClient(), slept::add);
  }

  @Test
  void aRedirectOnTheSameHostIsFollowedForReads() throws Exception {
    RestClient c = client();
    AtomicInteger n = new AtomicInteger();
    String there = server.url("/rest/api/content/100/child/page").toString();
    server.intercept =
        q -> n.getAndIncrement() == 0 ? new Answer(301, "", Map.of("Location", there)) : null;
    assertEquals(200, c.send("GET", "/content/100/child/page?x=1", null).status());
    assertEquals(
        List.of("GET /rest/api/content/100/child/page?x=1", "GET /rest/api/content/100/child/page"),
        server.requests.stream().map(Object::toString).toList());
  }

  @Test
  void aWriteIsNeverRedirected() throws Exception {
    RestClient c = client();
    server.intercept = q -> new Answer(307, "", Map.of("Location", "/rest/api/content2"));
    String m =
        assertThrows(ConfluenceException.class, () -> c.send("POST", "/content", "{}"))
            .getMessage();
    assertTrue(m.contains("a write is not redirected"), m);
    assertEquals(1, server.requests.size());
  }

  @Test
  void aRateLimitRetriesEvenAPostButAServerErrorDoesNot() throws Exception {
    RestClient c = client();
    AtomicInteger n = new AtomicInteger();
    server.intercept =
        q ->
            n.incrementAndGet() == 1
                ? new Answer(429, "{}", Map.of())
                : FakeConfluence.error(500, "boom");
    assertEquals(500, c.send("POST", "/content", "{}").status());
    assertEquals(2, server.requests.size());
    assertEquals(List.of(Duration.ofSeconds(1)), slept, "no Retry-After: the first backoff");
  }

  @Test
  void aWaitLongerThanTwoMinutesIsNotWaited() throws Exception {
    RestClient c = client();
    server.intercept = q -> new Answer(429, "{}", Map.of("Retry-After", "3600"));
    String m =
        assertThrows(ConfluenceException.class, () -> c.send("GET", "/content/1", null))
            .getMessage();
    assertTrue(
        m.endsWith("Confluence asks to wait 3600 s before the next request; publish again later"),
        m);
    assertTrue(slept.isEmpty());
  }

  @Test
  void theBearerTokenIsSentAndScrubbed() throws Exception {
    RestClient c = client();
    assertEquals(200, c.send("GET", "/content/100/child/page", null).status());
    assertEquals("Bearer t0k", server.requests.get(0).authorization());
    assertEquals("a **** b", c.scrub("a t0k b"));
  }
}
