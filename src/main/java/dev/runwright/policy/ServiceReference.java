package dev.runwright.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS's service authorization reference, as shipped in the jar: every service prefix with its
 * actions, access levels, resource ARN formats and condition keys ({@code iam/README.md} names the
 * source and its date). Each service is its own small resource, read the first time a policy names
 * it, so that checking a KMS policy reads only the KMS data. Thread-safe.
 */
public final class ServiceReference {
  private static final ServiceReference BUILT_IN = new ServiceReference();
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9-]+");
  private static final Pattern DATE = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2})\\)");

  /** The index: prefixes with the ARN services their formats name, and where the data is from. */
  private record Index(
      Map<String, Set<String>> arnServices, Set<String> allArnServices, String source) {}

  private final Map<String, Optional<Service>> services = new ConcurrentHashMap<>();
  private volatile Index index;
  private volatile Map<String, Map<String, Set<String>>> actionResources;

  /** A reference of its own, which reads the data again; {@link #builtIn()} is shared. */
  ServiceReference() {}

  /** The reference shipped with Runwright. */
  public static ServiceReference builtIn() {
    return BUILT_IN;
  }

  /** The service with this prefix (prefixes are lower case; {@code KMS} finds kms). */
  public Optional<Service> service(String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    if (!PREFIX.matcher(p).matches()) {
      return Optional.empty();
    }
    return services.computeIfAbsent(p, this::load);
  }

  /** Every service prefix, sorted. */
  public List<String> prefixes() {
    return List.copyOf(index().arnServices().keySet());
  }

  /** Where the data comes from, with its commit and date. */
  public String source() {
    return index().source();
  }

  /** The date of the data, such as {@code 2026-08-22}, for messages. */
  public String date() {
    Matcher m = DATE.matcher(source());
    return m.find() ? m.group(1) : "unknown date";
  }

  /**
   * The services that the resource ARN formats of {@code prefix} name, such as {@code iam} and
   * {@code sts} for sts; empty for a service whose actions take no resource, or an unknown one.
   */
  public Set<String> arnServices(String prefix) {
    return index().arnServices().getOrDefault(prefix.toLowerCase(Locale.ROOT), Set.of());
  }

  /** Every service that some resource ARN format names. */
  public Set<String> allArnServices() {
    return index().allArnServices();
  }

  /** Every resource ARN format whose ARN names {@code arnService}, of whichever prefix. */
  public List<ArnFormat> formatsFor(String arnService) {
    List<ArnFormat> out = new ArrayList<>();
    index()
        .arnServices()
        .forEach(
            (prefix, named) -> {
              if (named.contains(arnService)) {
                service(prefix).orElseThrow().formats().stream()
                    .filter(f -> f.service().equals(arnService))
                    .forEach(out::add);
              }
            });
    return out;
  }

  /** The prefixes read so far, for tests that check that a policy reads only what it names. */
  Set<String> loaded() {
    return Set.copyOf(services.keySet());
  }

  private Index index() {
    Index i = index;
    if (i == null) {
      i = readIndex();
      index = i;
    }
    return i;
  }

  private static Index readIndex() {
    Map<String, Set<String>> arnServices = new LinkedHashMap<>();
    Set<String> all = new TreeSet<>();
    String source = "";
    for (String line : lines("iam/index.tsv")) {
      if (line.startsWith("# source: ")) {
        source = line.substring("# source: ".length());
      } else if (!line.startsWith("#") && !line.isBlank()) {
        String[] f = line.split("\t", -1);
        Set<String> named = f[1].isEmpty() ? Set.of() : Set.of(f[1].split(","));
        arnServices.put(f[0], named);
        all.addAll(named);
      }
    }
    return new Index(
        Collections.unmodifiableMap(arnServices), Collections.unmodifiableSet(all), source);
  }

  /** {@code action-resources.tsv}: prefix, then lower-case action (or *), then types. */
  private Map<String, Map<String, Set<String>>> actionResources() {
    Map<String, Map<String, Set<String>>> m = actionResources;
    if (m == null) {
      m = new LinkedHashMap<>();
      for (String line : lines("iam/action-resources.tsv")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        Set<String> types = f[2].equals("-") ? Set.of() : Set.of(f[2].split(","));
        m.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
            .put(f[1].toLowerCase(Locale.ROOT), types);
      }
      actionResources = m;
    }
    return m;
  }

  private Optional<Service> load(String prefix) {
    try (InputStream in = ServiceReference.class.getResourceAsStream("iam/" + prefix + ".json")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(read(prefix, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Service read(String prefix, InputStream in) throws IOException {
    Map<String, Set<String>> types = actionResources().getOrDefault(prefix, Map.of());
    List<Service.Action> actions = new ArrayList<>();
    List<ArnFormat> formats = new ArrayList<>();
    Map<String, String> keys = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(in)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        expect(p.nextToken(), JsonToken.START_OBJECT);
        switch (field) {
          case "actions" -> readActions(p, types, actions);
          case "resources" ->
              strings(p).forEach((t, arn) -> formats.add(new ArnFormat(prefix, t, arn)));
          case "conditions" -> keys.putAll(strings(p));
          default -> p.skipChildren();
        }
      }
    }
    return new Service(prefix, actions, formats, keys);
  }

  private static void readActions(
      JsonParser p, Map<String, Set<String>> types, List<Service.Action> out) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      expect(p.nextToken(), JsonToken.START_OBJECT);
      String level = "";
      List<String> conditions = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("level")) {
          level = p.getText();
        } else if (field.equals("conditions") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            conditions.add(p.getText());
          }
        } else {
          p.skipChildren();
        }
      }
      Set<String> t = types.getOrDefault(name.toLowerCase(Locale.ROOT), types.get("*"));
      out.add(new Service.Action(name, level, List.copyOf(conditions), Optional.ofNullable(t)));
    }
  }

  private static Map<String, String> strings(JsonParser p) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      expect(p.nextToken(), JsonToken.VALUE_STRING);
      out.put(key, p.getText());
    }
    return out;
  }

  private static void expect(JsonToken got, JsonToken wanted) throws IOException {
    if (got != wanted) {
      throw new IOException("the service data is damaged: " + wanted + " expected, not " + got);
    }
  }

  private static List<String> lines(String resource) {
    try (InputStream in = ServiceReference.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
