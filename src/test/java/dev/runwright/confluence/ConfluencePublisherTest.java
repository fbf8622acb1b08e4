package dev.runwright.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.confluence.ConfluenceTarget.Flavor;
import dev.runwright.confluence.FakeConfluence.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The publisher against a fake Confluence that answers as Atlassian's REST API documents. */
class ConfluencePublisherTest {
  private static final String TOKEN = "s3cr3t-T0KEN-do-not-print";
  private static final String EMAIL = "ops@example.com";
  private static final String BASIC =
      Base64.getEncoder().encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));

  private final List<Duration> slept = new ArrayList<>();
  private final List<String> printed = new ArrayList<>();
  private FakeConfluence server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    for (String s : printed) {
      assertFalse(s.contains(TOKEN) || s.contains(BASIC), "the token leaked into: " + s);
    }
  }

  /** A Data Center server under the context path /confluence, with a personal access token. */
  private ConfluencePublisher dataCenter() throws Exception {
    server = new FakeConfluence("/confluence", "Bearer " + TOKEN);
    return publisher(server.url("/confluence"), Flavor.DATA_CENTER, null);
  }

  private ConfluencePublisher publisher(java.net.URI url, Flavor flavor, String user) {
    ConfluenceTarget t =
        new ConfluenceTarget(url, flavor, "OPS", FakeConfluence.ROOT_ID, user, "CONF_TOKEN", true);
    return new ConfluencePublisher(
        t, n -> n.equals("CONF_TOKEN") ? TOKEN : null, RestClient.defaultClient(), slept::add);
  }

  private static List<BundlePage> bundle(String stepBody, String stepTitle) {
    return List.of(
        new BundlePage("home", "Payments runbooks", null, List.of("runwright"), "<p>home</p>"),
        new BundlePage(
            "prod", "prod-use1: overview", "home", List.of("runwright", "runbook"), "<p>o</p>"),
        new BundlePage("prod-role", stepTitle, "prod", List.of("runwright"), stepBody));
  }

  private static List<BundlePage> bundle() {
    return bundle("<p>step 2</p>", "prod-use1: Create the IAM role");
  }

  private PublishResult run(ConfluencePublisher p, List<BundlePage> pages, boolean dryRun) {
    PublishResult r = p.publish(pages, dryRun);
    printed.addAll(r.report());
    return r;
  }

  @Test
  void createsEveryPageUnderItsParentWithItsPropertyAndLabels() throws Exception {
    PublishResult r = run(dataCenter(), bundle(), false);
    assertTrue(r.ok(), r.report().toString());
    assertEquals(3, r.count(PlanItem.Action.CREATE));
    FakeConfluence.Page home = server.byTitle("Payments runbooks");
    FakeConfluence.Page prod = server.byTitle("prod-use1: overview");
    FakeConfluence.Page role = server.byTitle("prod-use1: Create the IAM role");
    assertEquals(FakeConfluence.ROOT_ID, home.parentId);
    assertEquals(home.id, prod.parentId);
    assertEquals(prod.id, role.parentId);
    assertEquals("<p>step 2</p>", role.body);
    assertEquals(List.of("runbook", "runwright"), List.copyOf(prod.labels));
    var marker = prod.properties.get("runwright");
    assertEquals("prod", marker.get("key").asText());
    assertEquals(bundle().get(1).hash(), marker.get("hash").asText());
    assertEquals(1, marker.get("version").asInt());
    assertTrue(
        server.requests.stream().allMatch(q -> q.path().startsWith("/confluence/rest/api/")));
  }

  @Test
  void aSecondPublishOfTheSameBundleWritesNothing() throws Exception {
    ConfluencePublisher p = dataCenter();
    run(p, bundle(), false);
    int before = server.writes().size();
    PublishResult again = run(p, bundle(), false);
    assertTrue(again.ok());
    assertEquals(3, again.count(PlanItem.Action.UNCHANGED), again.report().toString());
    assertFalse(again.changes());
    assertEquals(before, server.writes().size(), "requests that write: " + server.writes());
  }

  @Test
  void onlyTheChangedPageIsWrittenAndItsVersionGoesUpByOne() throws Exception {
    ConfluencePublisher p = dataCenter();
    run(p, bundle(), false);
    FakeConfluence.Page role = server.byTitle("prod-use1: Create the IAM role");
    int before = server.writes().size();
    PublishResult r = run(p, bundle("<p>step 2, changed</p>", role.title), false);
    assertEquals(1, r.count(PlanItem.Action.UPDATE));
    assertEquals(2, role.version);
    assertEquals("<p>step 2, changed</p>", role.body);
    List<String> writes =
        server.writes().subList(before, server.writes().size()).stream()
            .map(Object::toString)
            .toList();
    assertEquals(
        List.of(
            "PUT /confluence/rest/api/content/" + role.id,
            "PUT /confluence/rest/api/content/" + role.id + "/property/runwright"),
        writes);
  }

  @Test
  void aTitleChangeKeepsThePageId() throws Exception {
    ConfluencePublisher p = dataCenter();
    run(p, bundle(), false);
    String id = server.byTitle("prod-use1: Create the IAM role").id;
    PublishResult r = run(p, bundle("<p>step 2</p>", "prod-use1: Step 2, the IAM role"), false);
    assertTrue(r.ok(), r.report().toString());
    assertEquals(id, server.byTitle("prod-use1: Step 2, the IAM role").id);
    assertNull(server.byTitle("prod-use1: Create the IAM role"));
    assertTrue(r.plan().stream().anyMatch(i -> i.detail().contains("title was")));
  }

  @Test
  void aPageSomeoneElseMadeIsNeverTouchedAndATakenTitleStopsBeforeAnyWrite() throws Exception {
    ConfluencePublisher p = dataCenter();
    FakeConfluence.Page theirs = server.foreign("Team notes", FakeConfluence.ROOT_ID);
    FakeConfluence.Page child = server.foreign("Team notes, 2024", theirs.id);
    FakeConfluence.Page clash = server.foreign("prod-use1: overview", FakeConfluence.ROOT_ID);
    PublishResult r = run(p, bundle(), false);
    assertFalse(r.ok());
    assertTrue(r.failure().contains("taken in the space by page " + clash.id), r.failure());
    assertTrue(server.writes().isEmpty(), "nothing is written: " + server.writes());
    server.pages.remove(clash.id);
    assertTrue(run(p, bundle(), false).ok());
    assertTrue(run(p, bundle(), false).ok());
    for (var q : server.requests) {
      assertFalse(
          q.path().contains("/content/" + theirs.id + "/child"), "crawled their tree: " + q);
      assertFalse(q.path().endsWith("/content/" + theirs.id), q.toString());
      assertFalse(q.path().contains("/content/" + child.id), q.toString());
    }
    assertEquals("<p>made by hand</p>", theirs.body);
    assertEquals(1, theirs.version);
  }

  @Test
  void aPageLeftOutOfTheBundleIsReportedAndNeverDeleted() throws Exception {
    ConfluencePublisher p = dataCenter();
    run(p, bundle(), false);
    PublishResult r = run(p, bundle().subList(0, 2), false);
    assertTrue(r.ok());
    assertEquals(1, r.count(PlanItem.Action.LEFT_ALONE));
    assertNotNull(server.byTitle("prod-use1: Create the IAM role"));
    assertTrue(server.requests.stream().noneMatch(q -> q.method().equals("DELETE")));
  }

  @Test
  void aDryRunReadsOnlyAndReturnsThePlan() throws Exception {
    ConfluencePublisher p = dataCenter();
    PublishResult r = run(p, bundle(), true);
    assertTrue(r.ok());
    assertTrue(r.changes());
    assertEquals(3, r.count(PlanItem.Action.CREATE));
    assertEquals("would create 3, update 0; 0 unchanged, 0 left alone", r.summary());
    assertTrue(server.writes().isEmpty());
  }

  @Test
  void aServerErrorMidwayStopsAndAPublishAgainFinishesTheJob() throws Exception {
    ConfluencePublisher p = dataCenter();
    AtomicInteger creates = new AtomicInteger();
    server.intercept =
        q ->
            q.method().equals("POST")
                    && q.path().endsWith("/rest/api/content")
                    && creates.incrementAndGet() == 2
                ? FakeConfluence.error(500, "java.lang.NullPointerException")
                : null;
    PublishResult r = run(p, bundle(), false);
    assertFalse(r.ok());
    assertEquals(List.of("home"), r.done().stream().map(PlanItem::key).toList());
    assertEquals(List.of("prod", "prod-role"), r.notDone().stream().map(PlanItem::key).toList());
    assertTrue(r.failure().startsWith("prod: POST "), r.failure());
    assertTrue(r.failure().contains("HTTP 500"), r.failure());
    assertEquals(2, creates.get(), "a POST is not sent again after a 500");
    server.intercept = q -> null;
    PublishResult again = run(p, bundle(), false);
    assertTrue(again.ok(), again.report().toString());
    assertEquals(1, again.count(PlanItem.Action.UNCHANGED));
    assertEquals(2, again.count(PlanItem.Action.CREATE));
    assertEquals(4, server.pages.size(), "the root and three pages, none twice");
  }

  @Test
  void aCreateCutShortAfterThePageIsMadeIsFinishedByTheNextPublish() throws Exception {
    ConfluencePublisher p = dataCenter();
    server.intercept =
        q -> q.path().endsWith("/label") ? FakeConfluence.error(503, "service unavailable") : null;
    PublishResult r = run(p, bundle(), false);
    assertFalse(r.ok());
    FakeConfluence.Page home = server.byTitle("Payments runbooks");
    assertEquals("pending", home.properties.get("runwright").get("hash").asText());
    server.intercept = q -> null;
    PublishResult again = run(p, bundle(), false);
    assertTrue(again.ok(), again.report().toString());
    assertTrue(again.plan().get(0).detail().contains("did not finish"), again.plan().toString());
    assertEquals(home, server.byTitle("Payments runbooks"));
    assertEquals(List.of("runwright"), List.copyOf(home.labels));
    assertEquals(bundle().get(0).hash(), home.properties.get("runwright").get("hash").asText());
    assertEquals(0, run(p, bundle(), false).done().size());
  }

  @Test
  void aServerThatDropsPropertiesOnCreateStillGetsTheMarker() throws Exception {
    ConfluencePublisher p = dataCenter();
    server.storesCreateProperties = false;
    assertTrue(run(p, bundle(), false).ok());
    int before = server.writes().size();
    assertEquals(3, run(p, bundle(), false).count(PlanItem.Action.UNCHANGED));
    assertEquals(before, server.writes().size());
  }

  @Test
  void aServerThatDoesNotExpandPropertiesInListingsIsAskedPageByPage() throws Exception {
    ConfluencePublisher p = dataCenter();
    server.expandsProperties = false;
    FakeConfluence.Page theirs = server.foreign("Team notes", FakeConfluence.ROOT_ID);
    assertTrue(run(p, bundle(), false).ok());
    int before = server.writes().size();
    PublishResult again = run(p, bundle(), false);
    assertEquals(3, again.count(PlanItem.Action.UNCHANGED), again.report().toString());
    assertEquals(before, server.writes().size());
    assertTrue(
        server.requests.stream()
            .anyMatch(q -> q.path().endsWith("/content/" + theirs.id + "/property/runwright")));
  }

  @Test
  void childListingsAreFollowedPageByPage() throws Exception {
    ConfluencePublisher p = dataCenter();
    for (int i = 0; i < 5; i++) {
      server.foreign("Someone else's page " + i, FakeConfluence.ROOT_ID);
    }
    run(p, bundle(), false);
    PublishResult again = run(p, bundle(), false);
    assertEquals(3, again.count(PlanItem.Action.UNCHANGED), again.report().toString());
    assertTrue(
        server.requests.stream()
            .anyMatch(
                q -> q.path().endsWith("/content/100/child/page") && q.query().contains("start=4")),
        "the third listing page is read");
  }

  @Test
  void rateLimitsAreWaitedOutAsRetryAfterAsks() throws Exception {
    ConfluencePublisher p = dataCenter();
    AtomicInteger n = new AtomicInteger();
    server.intercept =
        q ->
            n.incrementAndGet() <= 2
                ? new Answer(429, "{\"message\":\"Rate limited\"}", Map.of("Retry-After", "7"))
                : null;
    assertTrue(run(p, bundle(), false).ok());
    assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), slept);
  }

  @Test
  void serverErrorsOnReadsAreRetriedABoundedNumberOfTimes() throws Exception {
    ConfluencePublisher p = dataCenter();
    server.intercept = q -> FakeConfluence.error(502, "bad gateway");
    PublishResult r = run(p, bundle(), false);
    assertFalse(r.ok());
    assertEquals(1 + RestClient.SERVER_ERROR_RETRIES, server.requests.size());
    assertTrue(r.failure().contains("HTTP 502: bad gateway"), r.failure());
  }

  @Test
  void aRedirectToAnotherHostIsRefusedAndTheOtherHostGetsNothing() throws Exception {
    ConfluencePublisher p = dataCenter();
    try (FakeConfluence other = new FakeConfluence("", "Bearer " + TOKEN)) {
      String elsewhere = other.url("/rest/api/content/100/child/page").toString();
      server.intercept = q -> new Answer(302, "", Map.of("Location", elsewhere));
      PublishResult r = run(p, bundle(), false);
      assertFalse(r.ok());
      assertTrue(r.failure().contains("refused to follow a redirect"), r.failure());
      assertTrue(other.requests.isEmpty(), "the other host was asked: " + other.requests);
    }
  }

  @Test
  void cloudUsesWikiRestApiAndBasicAuthWithTheEmail() throws Exception {
    server = new FakeConfluence("/wiki", "Basic " + BASIC);
    ConfluencePublisher p = publisher(server.url(""), Flavor.CLOUD, EMAIL);
    assertTrue(run(p, bundle(), false).ok());
    assertTrue(server.requests.stream().allMatch(q -> q.path().startsWith("/wiki/rest/api/")));
  }

  @Test
  void theTokenNeverAppearsEvenWhenTheServerEchoesIt() throws Exception {
    server = new FakeConfluence("/wiki", "Basic " + BASIC);
    ConfluencePublisher p = publisher(server.url("/wiki/"), Flavor.CLOUD, EMAIL);
    server.intercept =
        q ->
            q.method().equals("POST")
                ? FakeConfluence.error(500, "failed for " + q.authorization() + " token " + TOKEN)
                : null;
    PublishResult r = run(p, bundle(), false);
    assertFalse(r.ok());
    assertTrue(r.failure().contains("****"), r.failure());
    server.intercept = q -> FakeConfluence.error(401, "who is " + q.authorization() + "?");
    printed.addAll(run(p, bundle(), false).report());
    ConfluenceTarget t =
        new ConfluenceTarget(server.url(""), Flavor.CLOUD, "OPS", "100", EMAIL, "CONF_TOKEN", true);
    printed.add(t.toString());
    ConfluenceException missing =
        assertThrows(
            ConfluenceException.class,
            () -> new ConfluencePublisher(t, n -> null).publish(bundle(), true));
    assertEquals(
        "environment variable CONF_TOKEN is not set: put the Confluence API token (Cloud) or"
            + " personal access token (Data Center) in it",
        missing.getMessage());
  }
}
