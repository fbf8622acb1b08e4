package dev.runwright.confluence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests Runwright makes, in the content REST API that Confluence Data Center ({@code
 * /rest/api}) and Cloud ({@code /wiki/rest/api}) share:
 *
 * <ul>
 *   <li>{@code GET
 *       /content/{id}/child/page?expand=version,metadata.properties.runwright&start&limit} lists a
 *       page's children with their version and marker, page by page, following {@code _links.next};
 *       a child listed without {@code metadata.properties} has its marker read with {@code GET
 *       /content/{id}/property/runwright}.
 *   <li>{@code GET /content?type=page&spaceKey&title} finds a title in the space.
 *   <li>{@code POST /content} creates a page (with its marker in {@code metadata.properties}).
 *   <li>{@code PUT /content/{id}} updates it with the next version number.
 *   <li>{@code POST /content/{id}/property}, {@code PUT /content/{id}/property/runwright} write the
 *       marker; {@code POST /content/{id}/label}, {@code DELETE /content/{id}/label?name=} labels.
 * </ul>
 */
final class ContentApi {
  static final String PROPERTY = "runwright";
  static final int PAGE_SIZE = 50;
  private static final int MAX_CHILDREN = 100_000;
  private static final ObjectMapper ERRORS = new ObjectMapper();
  private static final String EXPAND = "version,metadata.properties." + PROPERTY;

  private final RestClient http;
  private final String spaceKey;
  private final ObjectMapper json;

  ContentApi(RestClient http, String spaceKey, ObjectMapper json) {
    this.http = http;
    this.spaceKey = spaceKey;
    this.json = json;
  }

  /** Every child page of {@code parentId}, following the pagination to its end. */
  List<RemotePage> children(String parentId) {
    List<RemotePage> out = new ArrayList<>();
    int start = 0;
    while (true) {
      String path =
          "/content/"
              + parentId
              + "/child/page?expand="
              + q(EXPAND)
              + "&start="
              + start
              + "&limit="
              + PAGE_SIZE;
      RestClient.Response r = http.send("GET", path, null);
      if (r.status() == 404) {
        throw new ConfluenceException(
            "page "
                + parentId
                + " was not found in Confluence, or the token's user may not see it");
      }
      JsonNode list = expect(r, "GET", path);
      JsonNode results = list.path("results");
      for (JsonNode c : results) {
        out.add(
            c.path("metadata").path("properties").isObject()
                ? page(c, parentId)
                : withMarker(page(c, parentId)));
      }
      start += results.size();
      if (results.isEmpty() || list.path("_links").path("next").isMissingNode()) {
        return out;
      }
      if (start > MAX_CHILDREN) {
        throw new ConfluenceException("page " + parentId + ": more than 100000 child pages");
      }
    }
  }

  /**
   * {@code page} with the marker its property holds, read on its own: for a server that lists
   * children without expanding {@code metadata.properties}.
   */
  private RemotePage withMarker(RemotePage page) {
    String path = "/content/" + page.id() + "/property/" + PROPERTY;
    RestClient.Response r = http.send("GET", path, null);
    if (r.status() == 404) {
      return page;
    }
    JsonNode prop = expect(r, "GET", path);
    Marker marker = Marker.of(prop.get("value"), json);
    return marker == null
        ? page
        : new RemotePage(
            page.id(),
            page.title(),
            page.version(),
            page.parentId(),
            marker,
            prop.path("version").path("number").asInt(1));
  }

  /** The pages titled exactly {@code title} in the space. */
  List<RemotePage> byTitle(String title) {
    String path =
        "/content?type=page&spaceKey="
            + q(spaceKey)
            + "&title="
            + q(title)
            + "&expand="
            + q(EXPAND)
            + "&limit=25";
    JsonNode list = expect(http.send("GET", path, null), "GET", path);
    List<RemotePage> out = new ArrayList<>();
    for (JsonNode c : list.path("results")) {
      out.add(page(c, null));
    }
    return out;
  }

  /** Creates a page under {@code parentId} carrying {@code marker}; returns it as created. */
  RemotePage create(BundlePage page, String parentId, Marker marker) {
    ObjectNode body = content(page, parentId);
    ObjectNode prop = body.putObject("metadata").putObject("properties").putObject(PROPERTY);
    prop.put("key", PROPERTY);
    prop.set("value", marker.toJson(json));
    JsonNode made = expect(http.send("POST", "/content", write(body)), "POST", "/content");
    String id = made.path("id").asText("");
    if (id.isEmpty()) {
      throw new ConfluenceException("POST /content: the response names no page id");
    }
    return new RemotePage(
        id, page.title(), made.path("version").path("number").asInt(1), parentId, null, 0);
  }

  /** Writes a page's title, body and parent as {@code version}; returns the version made. */
  int update(String id, int version, BundlePage page, String parentId) {
    ObjectNode body = content(page, parentId);
    body.put("id", id);
    ObjectNode v = body.putObject("version");
    v.put("number", version);
    v.put("message", "Published by Runwright");
    String path = "/content/" + id;
    JsonNode made = expect(http.send("PUT", path, write(body)), "PUT", path);
    return made.path("version").path("number").asInt(version);
  }

  private ObjectNode content(BundlePage page, String parentId) {
    ObjectNode body = json.createObjectNode();
    body.put("type", "page");
    body.put("title", page.title());
    body.putObject("space").put("key", spaceKey);
    body.putArray("ancestors").addObject().put("id", parentId);
    ObjectNode storage = body.putObject("body").putObject("storage");
    storage.put("value", page.body());
    storage.put("representation", "storage");
    return body;
  }

  void addLabels(String id, List<String> labels) {
    ArrayNode body = json.createArrayNode();
    for (String l : labels) {
      body.addObject().put("prefix", "global").put("name", l);
    }
    String path = "/content/" + id + "/label";
    expect(http.send("POST", path, write(body)), "POST", path);
  }

  void removeLabel(String id, String label) {
    String path = "/content/" + id + "/label?name=" + q(label);
    RestClient.Response r = http.send("DELETE", path, null);
    if (r.status() != 404) {
      expect(r, "DELETE", path);
    }
  }

  /**
   * Writes {@code marker} as the page's {@code runwright} property, whose version is {@code known}
   * (0 when unknown): an update when the property is there, a create when it is not.
   */
  void writeMarker(String id, Marker marker, int known) {
    String path = "/content/" + id + "/property/" + PROPERTY;
    int current = known;
    if (current <= 0) {
      RestClient.Response r = http.send("GET", path, null);
      current =
          r.status() == 404 ? 0 : expect(r, "GET", path).path("version").path("number").asInt(0);
    }
    if (current > 0) {
      RestClient.Response r = http.send("PUT", path, write(property(marker, current + 1)));
      if (r.status() == 409 && known > 0) {
        writeMarker(id, marker, 0);
        return;
      }
      if (r.status() != 404) {
        expect(r, "PUT", path);
        return;
      }
    }
    String post = "/content/" + id + "/property";
    expect(http.send("POST", post, write(property(marker, 0))), "POST", post);
  }

  private ObjectNode property(Marker marker, int version) {
    ObjectNode p = json.createObjectNode();
    p.put("key", PROPERTY);
    p.set("value", marker.toJson(json));
    if (version > 0) {
      p.putObject("version").put("number", version);
    }
    return p;
  }

  private RemotePage page(JsonNode c, String parentId) {
    JsonNode prop = c.path("metadata").path("properties").path(PROPERTY);
    Marker marker = prop.isMissingNode() ? null : Marker.of(prop.get("value"), json);
    return new RemotePage(
        c.path("id").asText(),
        c.path("title").asText(),
        c.path("version").path("number").asInt(0),
        parentId,
        marker,
        marker == null ? 0 : prop.path("version").path("number").asInt(1));
  }

  /** The response's JSON when its status is 2xx; a failure naming the request otherwise. */
  private JsonNode expect(RestClient.Response r, String method, String path) {
    if (r.status() < 200 || r.status() > 299) {
      throw http.failure(method, path, r);
    }
    if (r.body().isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(r.body());
    } catch (JsonProcessingException e) {
      throw new ConfluenceException(
          method + " " + path + ": HTTP " + r.status() + " but the answer is not JSON");
    }
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Confluence's error message from a response body, on one line, at most 300 characters. */
  static String errorMessage(String body) {
    String text = body == null ? "" : body.strip();
    try {
      JsonNode n = ERRORS.readTree(text);
      if (n != null && n.path("message").isTextual()) {
        text = n.get("message").asText();
      }
    } catch (JsonProcessingException e) {
      // not JSON: the text as it is
    }
    text = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
