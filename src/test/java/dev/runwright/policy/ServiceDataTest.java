package dev.runwright.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shipped service data is the source data split, unchanged, and the few resource types typed by
 * hand agree with it.
 */
class ServiceDataTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String source() throws IOException {
    return Files.readString(ServiceDataSplit.SOURCE, StandardCharsets.UTF_8);
  }

  @Test
  void theCommittedFilesAreTheSourceSplit() throws IOException {
    Map<String, String> expected = ServiceDataSplit.split(source());
    Map<String, String> committed = ServiceDataSplit.committed(ServiceDataSplit.TARGET);
    assertEquals(
        expected.keySet(), committed.keySet(), "regenerate with the command in src/data/README.md");
    for (String name : expected.keySet()) {
      assertEquals(
          expected.get(name), committed.get(name), name + ": regenerate (src/data/README.md)");
    }
  }

  @Test
  void eachServiceFileHoldsExactlyTheSourcesEntry() throws IOException {
    JsonNode services = MAPPER.readTree(source()).get("services");
    int files = 0;
    for (Map.Entry<String, JsonNode> e : services.properties()) {
      Path f = ServiceDataSplit.TARGET.resolve(e.getKey() + ".json");
      assertEquals(e.getValue(), MAPPER.readTree(f.toFile()), e.getKey());
      files++;
    }
    assertEquals(455, files);
  }

  @Test
  void theReaderSeesEveryActionFormatAndConditionKey() throws IOException {
    ServiceReference ref = new ServiceReference();
    int actions = 0;
    int formats = 0;
    int keys = 0;
    for (String prefix : ref.prefixes()) {
      Service s = ref.service(prefix).orElseThrow();
      actions += s.actions().size();
      formats += s.formats().size();
      keys += s.conditionKeys().size();
    }
    // The counts src/data/README.md gives.
    assertEquals(21788, actions);
    assertEquals(2300, formats);
    assertEquals(2486, keys);
  }

  @Test
  void handTypedResourceTypesNameRealActionsAndTypes() {
    ServiceReference ref = ServiceReference.builtIn();
    Service kms = ref.service("kms").orElseThrow();
    Set<String> types = new TreeSet<>();
    kms.formats().forEach(f -> types.add(f.type()));
    for (Service.Action a : kms.actions()) {
      Set<String> t = a.resourceTypes().orElseThrow();
      assertTrue(types.containsAll(t), a + " names a type KMS does not have");
    }
  }

  @Test
  void kmsActionsWithoutAResourceAreThoseWithoutResourceConditionKeys() {
    // The data has no per-action resource types, but only an action on a key takes
    // kms:ResourceAliases; this keeps action-resources.tsv in step when the data changes.
    Service kms = ServiceReference.builtIn().service("kms").orElseThrow();
    List<String> typedAsNone = new ArrayList<>();
    List<String> withoutKeyCondition = new ArrayList<>();
    for (Service.Action a : kms.actions()) {
      if (a.resourceTypes().orElseThrow().isEmpty()) {
        typedAsNone.add(a.name());
      }
      if (!a.conditionKeys().contains("kms:ResourceAliases")) {
        withoutKeyCondition.add(a.name());
      }
    }
    assertEquals(withoutKeyCondition, typedAsNone);
    assertEquals(11, typedAsNone.size());
  }

  @Test
  void theFactSheetsKmsActionsAreAllThereWithTheirLevels() {
    // AWS-FACTS.md section 3c lists 55 actions; the data of 2026-08-22 adds
    // SynchronizeMultiRegionKey.
    Service kms = ServiceReference.builtIn().service("kms").orElseThrow();
    assertEquals(56, kms.actions().size());
    assertEquals("Write", kms.action("SynchronizeMultiRegionKey").orElseThrow().accessLevel());
    assertEquals("Tagging, Write", kms.action("TagResource").orElseThrow().accessLevel());
    assertEquals("Read", kms.action("GetKeyLastUsage").orElseThrow().accessLevel());
  }
}
