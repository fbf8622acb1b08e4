package dev.runwright.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the page property {@code runwright} holds on each page Runwright created: the page's stable
 * key, and what Runwright last published there, so that a page is written again only when that
 * changed. A page without it was not created by Runwright and is never edited.
 *
 * @param key the bundle page's key
 * @param hash the published body's hash, or {@link #PENDING} while a create is not finished
 * @param labels the labels Runwright added, so that it removes only its own
 * @param version the page version Runwright's last write made, or 0; another version means that
 *     someone edited the page since
 */
record Marker(String key, String hash, List<String> labels, int version) {
  /** The hash of a page whose create did not finish: the next publish writes it again. */
  static final String PENDING = "pending";

  Marker {
    labels = List.copyOf(labels);
  }

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("key", key);
    o.put("hash", hash);
    ArrayNode l = o.putArray("labels");
    labels.forEach(l::add);
    o.put("version", version);
    return o;
  }

  /** The marker a property value holds, or null when it is not one Runwright wrote. */
  static Marker of(JsonNode value, ObjectMapper json) {
    JsonNode v = value;
    if (v != null && v.isTextual()) {
      // Some servers hand a property's JSON value back as a string.
      try {
        v = json.readTree(v.asText());
      } catch (java.io.IOException e) {
        return null;
      }
    }
    if (v == null || !v.isObject() || !v.path("key").isTextual() || !v.path("hash").isTextual()) {
      return null;
    }
    List<String> labels = new ArrayList<>();
    v.path("labels").forEach(l -> labels.add(l.asText()));
    return new Marker(
        v.get("key").asText(), v.get("hash").asText(), labels, v.path("version").asInt(0));
  }
}
