package dev.runwright.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Splits {@code src/data/iam-service-reference.json} into the resources {@link ServiceReference}
 * reads: one small {@code iam/<prefix>.json} per service, so that a policy loads only the services
 * it names, and {@code iam/index.tsv}. {@link ServiceDataTest} proves the committed files are what
 * this writes; after updating the source data, run {@code main} (see {@code src/data/README.md}).
 */
public final class ServiceDataSplit {
  static final Path SOURCE = Path.of("src/data/iam-service-reference.json");
  static final Path TARGET = Path.of("src/main/resources/dev/runwright/policy/iam");

  private ServiceDataSplit() {}

  /** The files to write, by name: each service's JSON as in the source, and the index. */
  static Map<String, String> split(String sourceJson) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = mapper.readTree(sourceJson);
    Map<String, String> out = new TreeMap<>();
    StringBuilder index = new StringBuilder();
    index
        .append("# The service prefixes of the AWS Service Authorization Reference, each with the")
        .append(" services its resource ARN formats name.\n")
        .append("# Generated from src/data/iam-service-reference.json by ServiceDataSplit")
        .append(" (src/test/java/dev/runwright/policy/); do not edit.\n")
        .append("# source: ")
        .append(root.get("source").asText())
        .append("\n# prefix\tARN services\n");
    for (Map.Entry<String, JsonNode> e : root.get("services").properties()) {
      out.put(e.getKey() + ".json", mapper.writeValueAsString(e.getValue()) + "\n");
      TreeSet<String> arnServices = new TreeSet<>();
      JsonNode resources = e.getValue().path("resources");
      resources.forEach(t -> arnServices.add(t.asText().split(":", 6)[2]));
      index.append(e.getKey()).append('\t').append(String.join(",", arnServices)).append('\n');
    }
    out.put("index.tsv", index.toString());
    return out;
  }

  /** The generated files now in {@code folder}, by name. */
  static Map<String, String> committed(Path folder) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith(".json") || name.equals("index.tsv")) {
          out.put(name, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  /** Rewrites the generated files from the source; run from the project folder. */
  public static void main(String[] args) throws IOException {
    Map<String, String> files = split(Files.readString(SOURCE, StandardCharsets.UTF_8));
    for (String stale : committed(TARGET).keySet()) {
      if (!files.containsKey(stale)) {
        Files.delete(TARGET.resolve(stale));
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(TARGET.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    System.out.println("wrote " + files.size() + " files to " + TARGET);
  }
}
