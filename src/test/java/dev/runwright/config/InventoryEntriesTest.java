package dev.runwright.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inventory's entries are read one at a time and stored as bytes, past {@link
 * InventoryEntries#IN_MEMORY} in a temporary file: each must read back as the whole-file reading
 * gave it, positions included, merged over defaults written anywhere in the file.
 */
class InventoryEntriesTest {
  @TempDir Path dir;

  private static final int N = InventoryEntries.IN_MEMORY + 500;

  private ConfigLoader.Inventory inventory(boolean defaultsFirst) throws IOException {
    StringBuilder y = new StringBuilder("title: Many\n");
    String defaults = "defaults: &d\n  region: us-east-1\n  description: \"shared ✓\"\n";
    if (defaultsFirst) {
      y.append(defaults);
    }
    y.append("runbooks:\n");
    for (int i = 0; i < N; i++) {
      y.append("  - id: rb-").append(i).append('\n');
      y.append("    account: \"").append(String.format("%012d", i)).append("\"\n");
      if (i % 100 == 7) {
        y.append("    region: eu-west-1\n");
      }
      y.append("    keys: [k-").append(i).append(", \"quoted ").append(i).append("\"]\n");
      y.append("    clusterId:\n");
    }
    if (!defaultsFirst) {
      y.append(defaults);
    }
    Path f = dir.resolve("many.yaml");
    Files.writeString(f, y);
    return (ConfigLoader.Inventory) new ConfigLoader(new YamlReader()).load(f, "many.yaml");
  }

  @Test
  void everyEntryReadsBackWithItsPositionsAndTheDefaults() throws IOException {
    for (boolean defaultsFirst : List.of(true, false)) {
      ConfigLoader.Inventory inv = inventory(defaultsFirst);
      List<RunbookInput> entries = inv.runbooks();
      assertEquals(N, entries.size());
      int first = defaultsFirst ? 6 : 3; // the line of the first entry
      for (int i :
          new int[] {0, 7, InventoryEntries.IN_MEMORY - 1, InventoryEntries.IN_MEMORY, N - 1}) {
        RunbookInput in = entries.get(i);
        int line = first + 4 * i + (i / 100 + (i % 100 > 7 ? 1 : 0));
        assertEquals("runbooks[" + i + "] (rb-" + i + ")", in.label());
        assertEquals("rb-" + i, in.id());
        assertEquals(new Position("many.yaml", line, 5), in.at());
        assertEquals(new Position("many.yaml", line, 9), in.idAt());
        Node.Sequence keys = (Node.Sequence) in.fields().get("keys").value();
        assertEquals(
            new Node.Scalar(
                "quoted " + i,
                Node.Style.QUOTED,
                new Position("many.yaml", line + (i % 100 == 7 ? 3 : 2), 16 + digits(i))),
            keys.items().get(1));
        assertEquals(Node.Style.NULL, ((Node.Scalar) in.fields().get("clusterId").value()).style());
        String region = ((Node.Scalar) in.fields().get("region").value()).text();
        assertEquals(i % 100 == 7 ? "eu-west-1" : "us-east-1", region);
        assertEquals("shared ✓", ((Node.Scalar) in.fields().get("description").value()).text());
      }
    }
  }

  private static int digits(int i) {
    return String.valueOf(i).length();
  }

  @Test
  void entriesThatAreWrongAloneAreFoundAsTheyAreRead() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        """
        runbooks:
          - just text
          - id: [not, one]
            templates: mine
          - id: fine
        """);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new ConfigLoader(new YamlReader()).load(f, "bad.yaml"));
    assertEquals(
        List.of(
            "bad.yaml:4:5: error: runbooks[1]: templates is set once, at the top of the inventory,"
                + " not per entry",
            "bad.yaml:3:9: error: id: is a list; expected a single value",
            "bad.yaml:2:5: error: runbooks[0]: is a single value; expected a mapping of settings"),
        e.diagnostics().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void anAnchoredListIsReadWholeAndGoesThroughTheSameChecks() throws IOException {
    Path f = dir.resolve("anchored.yaml");
    Files.writeString(
        f, "runbooks: &all\n  - id: one\n    account: \"111122223333\"\n  - id: two\n");
    ConfigLoader.Inventory inv =
        (ConfigLoader.Inventory) new ConfigLoader(new YamlReader()).load(f, "anchored.yaml");
    assertEquals(2, inv.runbooks().size());
    assertEquals("runbooks[1] (two)", inv.runbooks().get(1).label());
    assertNull(inv.runbooks().get(1).fields().get("account"));
  }
}
