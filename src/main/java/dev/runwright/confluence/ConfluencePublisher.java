package dev.runwright.confluence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Publishes a bundle to Confluence, quietly and repeatably.
 *
 * <ul>
 *   <li>The pages Runwright manages are found by their {@code runwright} page property, which holds
 *       the bundle key, not by title: a page keeps its id when its title changes, and a page
 *       without the property (made by someone else) is never edited or deleted.
 *   <li>A missing page is created under its parent with the property and its labels; a page is
 *       written again only when its content, title, labels or parent changed. A second publish of
 *       the same bundle makes no request that writes.
 *   <li>Nothing is ever deleted: managed pages the bundle no longer has are reported as left alone.
 *   <li>A title another page of the space already has is reported before anything is written.
 *   <li>A failure stops the publish and says what was done and what was not; since each page's
 *       property is written last, publishing again finishes the job without repeating it.
 * </ul>
 *
 * <p>The token is read from the environment variable the target names, when publishing; it goes
 * only into the Authorization header of requests to the target's host, and never into a message.
 */
public final class ConfluencePublisher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConfluenceTarget target;
  private final Function<String, String> env;
  private final HttpClient http;
  private final RestClient.Sleeper sleeper;

  /** A publisher that reads the token from the process environment. */
  public ConfluencePublisher(ConfluenceTarget target) {
    this(target, System::getenv);
  }

  /** A publisher that reads the token with {@code env} (for tests, or another source). */
  public ConfluencePublisher(ConfluenceTarget target, Function<String, String> env) {
    this(target, env, RestClient.defaultClient(), d -> Thread.sleep(d.toMillis()));
  }

  ConfluencePublisher(
      ConfluenceTarget target,
      Function<String, String> env,
      HttpClient http,
      RestClient.Sleeper sleeper) {
    this.target = Objects.requireNonNull(target);
    this.env = Objects.requireNonNull(env);
    this.http = Objects.requireNonNull(http);
    this.sleeper = Objects.requireNonNull(sleeper);
  }

  /** As {@link #publish(List, boolean, Consumer)} without progress reports. */
  public PublishResult publish(List<BundlePage> pages, boolean dryRun) {
    return publish(pages, dryRun, item -> {});
  }

  /**
   * Plans the publish and, unless {@code dryRun}, carries it out.
   *
   * @param pages the bundle
   * @param dryRun only read from Confluence and return the plan
   * @param progress told of each create or update once it is done
   * @return the plan and what was done; a failure in Confluence is in {@link
   *     PublishResult#failure()}, not thrown
   * @throws ConfluenceException when the bundle is invalid or the token variable is not set
   */
  public PublishResult publish(
      List<BundlePage> pages, boolean dryRun, Consumer<PlanItem> progress) {
    ConfluenceBundle.validate(pages);
    RestClient client = new RestClient(target, token(), http, sleeper);
    ContentApi api = new ContentApi(client, target.spaceKey(), JSON);
    PublishPlan plan;
    try {
      plan = PublishPlan.make(api, target.parentId(), pages);
    } catch (ConfluenceException e) {
      return new PublishResult(
          List.of(), List.of(), List.of(), client.scrub(e.getMessage()), dryRun);
    }
    List<PlanItem> items = plan.items();
    String conflict = plan.conflict();
    if (dryRun || conflict != null) {
      List<PlanItem> notDone =
          dryRun ? List.of() : plan.writes().stream().map(PublishPlan.Step::item).toList();
      return new PublishResult(items, List.of(), notDone, conflict, dryRun);
    }
    return apply(api, client, plan, progress);
  }

  private PublishResult apply(
      ContentApi api, RestClient client, PublishPlan plan, Consumer<PlanItem> progress) {
    Map<String, String> ids = new HashMap<>(plan.ids());
    List<PlanItem> done = new ArrayList<>();
    List<PublishPlan.Step> steps = plan.writes();
    for (int i = 0; i < steps.size(); i++) {
      PublishPlan.Step step = steps.get(i);
      try {
        PlanItem item = step.remote() == null ? create(api, step, ids) : update(api, step, ids);
        done.add(item);
        progress.accept(item);
      } catch (ConfluenceException e) {
        List<PlanItem> notDone = new ArrayList<>();
        steps.subList(i, steps.size()).forEach(s -> notDone.add(s.item()));
        String why = step.page().key() + ": " + client.scrub(e.getMessage());
        return new PublishResult(plan.items(), done, notDone, why, false);
      }
    }
    return new PublishResult(plan.items(), done, List.of(), null, false);
  }

  private PlanItem create(ContentApi api, PublishPlan.Step step, Map<String, String> ids) {
    BundlePage p = step.page();
    String parent = parentId(p, ids);
    // The marker goes in first as pending and is completed last: a create cut short is finished
    // by the next publish, which finds the page by its key.
    RemotePage made = api.create(p, parent, new Marker(p.key(), Marker.PENDING, List.of(), 0));
    ids.put(p.key(), made.id());
    if (!p.labels().isEmpty()) {
      api.addLabels(made.id(), p.labels());
    }
    api.writeMarker(made.id(), new Marker(p.key(), p.hash(), p.labels(), made.version()), 1);
    PlanItem planned = step.item();
    return new PlanItem(
        planned.action(), planned.key(), planned.title(), made.id(), planned.detail());
  }

  private PlanItem update(ContentApi api, PublishPlan.Step step, Map<String, String> ids) {
    BundlePage p = step.page();
    RemotePage r = step.remote();
    int version = r.version();
    if (step.writePage()) {
      version = api.update(r.id(), r.version() + 1, p, parentId(p, ids));
    }
    List<String> had = r.marker().labels();
    List<String> add = p.labels().stream().filter(l -> !had.contains(l)).toList();
    if (!add.isEmpty()) {
      api.addLabels(r.id(), add);
    }
    for (String l : had) {
      if (!p.labels().contains(l)) {
        api.removeLabel(r.id(), l);
      }
    }
    api.writeMarker(r.id(), new Marker(p.key(), p.hash(), p.labels(), version), r.markerVersion());
    return step.item();
  }

  private String parentId(BundlePage p, Map<String, String> ids) {
    if (p.parentKey() == null) {
      return target.parentId();
    }
    String id = ids.get(p.parentKey());
    if (id == null) {
      throw new ConfluenceException("its parent \"" + p.parentKey() + "\" is not published");
    }
    return id;
  }

  private String token() {
    String name = target.tokenEnv();
    String value = env.apply(name);
    if (value == null || value.isBlank()) {
      throw new ConfluenceException(
          "environment variable "
              + name
              + " is not set: put the Confluence API token (Cloud) or personal access token (Data"
              + " Center) in it");
    }
    String token = value.strip();
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new ConfluenceException(
            "environment variable "
                + name
                + " holds a character a token cannot have (a space, line break or non-ASCII"
                + " character)");
      }
    }
    return token;
  }
}
