package dev.runwright.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A Confluence REST API on 127.0.0.1 for tests, keeping pages in memory and answering with the
 * request and response shapes of Atlassian's content REST API: {@code /content} create and update
 * with version numbers, child pages with {@code start}/{@code limit} and {@code _links.next}, title
 * search, content properties with versions, labels, and error bodies with {@code statusCode} and
 * {@code message}. Every request is logged; {@link #intercept} injects failures.
 */
final class FakeConfluence implements AutoCloseable {
  static final String SPACE = "OPS";
  static final String ROOT_ID = "100";

  /** A request as the fake saw it. */
  record Request(String method, String path, String query, String authorization, String body) {
    boolean writes() {
      return !method.equals("GET");
    }

    @Override
    public String toString() {
      return method + " " + path + (query == null ? "" : "?" + query);
    }
  }

  /** A canned answer an interceptor gives instead of the fake's own. */
  record Answer(int status, String body, Map<String, String> headers) {
    static Answer of(int status, String body) {
      return new Answer(status, body, Map.of());
    }
  }

  static final class Page {
    final String id;
    String title;
    String parentId;
    int version = 1;
    String body = "";
    final TreeSet<String> labels = new TreeSet<>();
    final Map<String, JsonNode> properties = new TreeMap<>();
    final Map<String, Integer> propertyVersions = new TreeMap<>();

    Page(String id, String title, String parentId) {
      this.id = id;
      this.title = title;
      this.parentId = parentId;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // Without it every answer waits out the client's delayed ACK (about 40 ms on Linux).
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  final Map<String, Page> pages = Collections.synchronizedMap(new LinkedHashMap<>());
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final HttpServer server;
  private final String api;
  private final String expectedAuth;
  private int nextId = 1000;

  /** Answers a request before the fake does, or returns null to let it. */
  volatile Function<Request, Answer> intercept = r -> null;

  /** Whether POST /content stores the properties given in metadata.properties. */
  volatile boolean storesCreateProperties = true;

  /** Whether listings expand metadata.properties.KEY as asked (some servers may not). */
  volatile boolean expandsProperties = true;

  /** The most child pages one listing returns, whatever limit is asked, as servers cap it. */
  volatile int maxLimit = 2;

  FakeConfluence(String contextPath, String expectedAuth) throws IOException {
    this.api = contextPath + "/rest/api";
    this.expectedAuth = expectedAuth;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    pages.put(ROOT_ID, new Page(ROOT_ID, "Runbooks", null));
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** A page someone made by hand in the space, without Runwright's property. */
  Page foreign(String title, String parentId) {
    Page p = new Page(String.valueOf(nextId++), title, parentId);
    p.body = "<p>made by hand</p>";
    pages.put(p.id, p);
    return p;
  }

  List<Request> writes() {
    synchronized (requests) {
      return requests.stream().filter(Request::writes).toList();
    }
  }

  Page byTitle(String title) {
    synchronized (pages) {
      return pages.values().stream().filter(p -> p.title.equals(title)).findFirst().orElse(null);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request req =
        new Request(
            ex.getRequestMethod(),
            ex.getRequestURI().getRawPath(),
            ex.getRequestURI().getRawQuery(),
            ex.getRequestHeaders().getFirst("Authorization"),
            body);
    requests.add(req);
    Answer a = intercept.apply(req);
    if (a == null) {
      try {
        a = answer(req);
      } catch (RuntimeException e) {
        a = error(400, "bad request: " + e);
      }
    }
    a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(a.status(), a.status() == 204 ? -1 : out.length);
    if (a.status() != 204) {
      ex.getResponseBody().write(out);
    }
    ex.close();
  }

  private synchronized Answer answer(Request r) {
    if (!expectedAuth.equals(r.authorization())) {
      return error(401, "Basic authentication with passwords is deprecated or the token is wrong");
    }
    if (!r.path().startsWith(api + "/")) {
      return error(404, "null for uri: " + r.path());
    }
    String[] seg = r.path().substring(api.length() + 1).split("/");
    Map<String, String> q = query(r.query());
    if (!seg[0].equals("content")) {
      return error(404, "no such resource");
    }
    if (seg.length == 1) {
      return r.method().equals("POST") ? create(r) : search(q);
    }
    Page p = pages.get(seg[1]);
    if (p == null) {
      return error(404, "No content found with id: ContentId{id=" + seg[1] + "}");
    }
    if (seg.length == 2) {
      return update(p, r);
    }
    return switch (seg[2]) {
      case "child" -> children(p, q);
      case "property" -> property(p, r, seg.length > 3 ? seg[3] : null);
      case "label" -> label(p, r, q);
      default -> error(404, "no such resource");
    };
  }

  private Answer search(Map<String, String> q) {
    ArrayNode results = JSON.createArrayNode();
    for (Page p : pages.values()) {
      if (p.title.equalsIgnoreCase(q.getOrDefault("title", ""))) {
        results.add(content(p, q.getOrDefault("expand", "")));
      }
    }
    return list(results, 0, 25, null);
  }

  private Answer children(Page parent, Map<String, String> q) {
    int start = Integer.parseInt(q.getOrDefault("start", "0"));
    int limit = Math.min(Integer.parseInt(q.getOrDefault("limit", "25")), maxLimit);
    List<Page> kids = pages.values().stream().filter(p -> parent.id.equals(p.parentId)).toList();
    ArrayNode results = JSON.createArrayNode();
    for (int i = start; i < Math.min(kids.size(), start + limit); i++) {
      results.add(content(kids.get(i), q.getOrDefault("expand", "")));
    }
    String next =
        start + limit < kids.size()
            ? api
                + "/content/"
                + parent.id
                + "/child/page?limit="
                + limit
                + "&start="
                + (start + limit)
            : null;
    return list(results, start, limit, next);
  }

  private Answer create(Request r) {
    JsonNode b = read(r.body());
    require(b.path("type").asText().equals("page"), "type must be page");
    require(b.path("space").path("key").asText().equals(SPACE), "unknown space");
    require(
        b.path("body").path("storage").path("representation").asText().equals("storage"),
        "representation");
    String parent = b.path("ancestors").path(0).path("id").asText();
    if (!pages.containsKey(parent)) {
      return error(400, "Could not find parent page with id " + parent);
    }
    String title = b.path("title").asText();
    if (byTitleIgnoringCase(title) != null) {
      return error(
          400,
          "A page with this title already exists: A page already exists with the title "
              + title
              + " in this space");
    }
    Page p = new Page(String.valueOf(nextId++), title, parent);
    p.body = b.path("body").path("storage").path("value").asText();
    if (storesCreateProperties) {
      b.path("metadata")
          .path("properties")
          .fields()
          .forEachRemaining(
              e -> {
                p.properties.put(e.getKey(), e.getValue().get("value"));
                p.propertyVersions.put(e.getKey(), 1);
              });
    }
    pages.put(p.id, p);
    return Answer.of(200, content(p, "version").toString());
  }

  private Answer update(Page p, Request r) {
    if (!r.method().equals("PUT")) {
      return error(405, "method not allowed");
    }
    JsonNode b = read(r.body());
    int v = b.path("version").path("number").asInt();
    if (v != p.version + 1) {
      return error(409, "Version must be incremented on update. Current version is: " + p.version);
    }
    String title = b.path("title").asText();
    Page other = byTitleIgnoringCase(title);
    if (other != null && other != p) {
      return error(400, "A page with this title already exists: " + title);
    }
    JsonNode parent = b.path("ancestors").path(0).path("id");
    if (!parent.isMissingNode()) {
      p.parentId = parent.asText();
    }
    p.title = title;
    p.body = b.path("body").path("storage").path("value").asText();
    p.version = v;
    return Answer.of(200, content(p, "version").toString());
  }

  private Answer property(Page p, Request r, String key) {
    if (r.method().equals("POST")) {
      JsonNode b = read(r.body());
      String k = b.path("key").asText();
      if (p.properties.containsKey(k)) {
        return error(409, "Cannot create a property with key " + k + ": it exists");
      }
      p.properties.put(k, b.get("value"));
      p.propertyVersions.put(k, 1);
      return Answer.of(200, prop(p, k).toString());
    }
    if (key == null || !p.properties.containsKey(key)) {
      return error(404, "Cannot find content property with key: " + key);
    }
    if (r.method().equals("GET")) {
      return Answer.of(200, prop(p, key).toString());
    }
    JsonNode b = read(r.body());
    int v = b.path("version").path("number").asInt();
    if (v != p.propertyVersions.get(key) + 1) {
      return error(
          409,
          "Version must be incremented on update. Current version is: "
              + p.propertyVersions.get(key));
    }
    p.properties.put(key, b.get("value"));
    p.propertyVersions.put(key, v);
    return Answer.of(200, prop(p, key).toString());
  }

  private Answer label(Page p, Request r, Map<String, String> q) {
    if (r.method().equals("POST")) {
      for (JsonNode l : read(r.body())) {
        require(l.path("prefix").asText().equals("global"), "prefix");
        p.labels.add(l.path("name").asText());
      }
      ArrayNode results = JSON.createArrayNode();
      p.labels.forEach(
          l -> results.addObject().put("prefix", "global").put("name", l).put("id", l));
      return list(results, 0, 200, null);
    }
    if (r.method().equals("DELETE")) {
      return p.labels.remove(q.getOrDefault("name", ""))
          ? Answer.of(204, "")
          : error(404, "label not found");
    }
    return error(405, "method not allowed");
  }

  private ObjectNode content(Page p, String expand) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", p.id);
    o.put("type", "page");
    o.put("status", "current");
    o.put("title", p.title);
    o.putObject("space").put("key", SPACE);
    o.putObject("version").put("number", p.version);
    if (expandsProperties && expand.contains("metadata.properties.")) {
      ObjectNode props = o.putObject("metadata").putObject("properties");
      for (String e : expand.split(",")) {
        String k = e.startsWith("metadata.properties.") ? e.substring(20) : null;
        if (k != null && p.properties.containsKey(k)) {
          props.set(k, prop(p, k));
        }
      }
    }
    o.putObject("_links").put("webui", "/pages/viewpage.action?pageId=" + p.id);
    return o;
  }

  private ObjectNode prop(Page p, String key) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", p.id + "-" + key);
    o.put("key", key);
    o.set("value", p.properties.get(key));
    o.putObject("version").put("number", p.propertyVersions.get(key));
    return o;
  }

  private static Answer list(ArrayNode results, int start, int limit, String next) {
    ObjectNode o = JSON.createObjectNode();
    o.set("results", results);
    o.put("start", start);
    o.put("limit", limit);
    o.put("size", results.size());
    ObjectNode links = o.putObject("_links");
    links.put("base", "http://127.0.0.1");
    if (next != null) {
      links.put("next", next);
    }
    return Answer.of(200, o.toString());
  }

  static Answer error(int status, String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("statusCode", status);
    ObjectNode data = o.putObject("data");
    data.put("authorized", status != 401);
    data.put("valid", false);
    data.putArray("errors");
    data.put("successful", false);
    o.put("message", message);
    return Answer.of(status, o.toString());
  }

  private Page byTitleIgnoringCase(String title) {
    return pages.values().stream()
        .filter(p -> p.title.toLowerCase(Locale.ROOT).equals(title.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElse(null);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new TreeMap<>();
    if (raw == null) {
      return out;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      String k = eq < 0 ? kv : kv.substring(0, eq);
      String v = eq < 0 ? "" : kv.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
