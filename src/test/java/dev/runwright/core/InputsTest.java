package dev.runwright.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.runwright.config.Diagnostic;
import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.RunbookInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a command's runbooks come from: flags alone, a runbook file, one entry of an inventory, the
 * whole inventory, or any of these on standard input; flags win over the file.
 */
class InputsTest {
  private static final String INVENTORY =
      "title: Fleet\ndefaults:\n  account: \"111122223333\"\n  region: us-east-1\n"
          + "runbooks:\n  - {id: prod-use1, clusterId: prod}\n  - {id: dev-use1, clusterId: dev}\n";

  @TempDir Path tmp;

  private static Map<String, Node> flags(String... nameFlagValue) {
    Map<String, Node> m = new LinkedHashMap<>();
    for (int i = 0; i < nameFlagValue.length; i += 3) {
      m.put(
          nameFlagValue[i],
          new Node.Scalar(
              nameFlagValue[i + 2], Node.Style.QUOTED, Position.flag(nameFlagValue[i + 1])));
    }
    return m;
  }

  private static Inputs.Request request(
      Path config, String name, String id, Map<String, Node> flags, String pack) {
    return new Inputs.Request(config, name, id, flags, pack, List.of(), 1_000_000, false);
  }

  private static String value(RunbookInput in, String field) {
    return ((Node.Scalar) in.fields().get(field).value()).text();
  }

  private static String error(Inputs.Request req, boolean wholeInventory) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Inputs.route(req, wholeInventory));
    return e.diagnostics().stream().map(Diagnostic::toString).toList().toString();
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  @Test
  void flagsAloneAreOneRunbook() {
    Path templates = tmp.resolve("t");
    Inputs.Routed r =
        Inputs.route(
            new Inputs.Request(
                null,
                null,
                null,
                flags("account", "--account", "111122223333"),
                "kms-policy",
                List.of(templates),
                4096,
                false),
            true);
    Inputs.One one = assertInstanceOf(Inputs.One.class, r);
    assertEquals("kms-policy", one.input().pack());
    assertEquals(Position.flag("--pack"), one.input().packAt());
    assertEquals("111122223333", value(one.input(), "account"));
    assertEquals(Position.flag("--account"), one.input().fields().get("account").keyPos());
    assertEquals(List.of(templates), one.templates());
    assertEquals(4096, one.yaml().maxBytes(), "the request's size limit");
  }

  @Test
  void anIdWithoutAFileIsRefused() {
    assertEquals(
        "[--id: error: id: --id selects an entry of an inventory; give the inventory with"
            + " --config]",
        error(request(null, null, "prod", Map.of(), null), false));
  }

  @Test
  void aRunbookFileWithFlagsOverIt() throws IOException {
    Files.createDirectories(tmp.resolve("mine"));
    Path f =
        file(
            "rb.yaml",
            "templates: [mine]\npack: kms-policy\naccount: \"111122223333\"\nregion: us-east-1\n");
    Path first = tmp.resolve("first");
    Inputs.One one =
        assertInstanceOf(
            Inputs.One.class,
            Inputs.route(
                new Inputs.Request(
                    f,
                    "rb.yaml",
                    null,
                    flags("region", "--region", "eu-west-1"),
                    null,
                    List.of(first),
                    1_000_000,
                    false),
                false));
    assertEquals("kms-policy", one.input().pack());
    assertEquals("111122223333", value(one.input(), "account"));
    assertEquals("eu-west-1", value(one.input(), "region"), "the flag wins");
    assertEquals(List.of(first, tmp.resolve("mine")), one.templates(), "the flags' folders first");
  }

  @Test
  void anIdForARunbookFileIsRefused() throws IOException {
    Path f = file("rb.yaml", "account: \"111122223333\"\n");
    assertEquals(
        "[--id: error: id: rb.yaml holds one runbook, not an inventory; leave out --id]",
        error(request(f, "rb.yaml", "prod", Map.of(), null), true));
  }

  @Test
  void anIdChoosesOneEntryOfAnInventoryMergedOverTheDefaults() throws IOException {
    Path f = file("site.yaml", INVENTORY);
    Inputs.One one =
        assertInstanceOf(
            Inputs.One.class,
            Inputs.route(
                request(f, "site.yaml", "dev-use1", flags("region", "--region", "eu-west-1"), null),
                false));
    assertEquals("runbooks[1] (dev-use1)", one.input().label());
    assertEquals("dev", value(one.input(), "clusterId"));
    assertEquals("111122223333", value(one.input(), "account"), "from the defaults");
    assertEquals("eu-west-1", value(one.input(), "region"), "the flag wins over the defaults");
  }

  @Test
  void aWholeInventoryWithoutAnId() throws IOException {
    Path f = file("site.yaml", INVENTORY);
    Inputs.Fleet fleet =
        assertInstanceOf(
            Inputs.Fleet.class, Inputs.route(request(f, "site.yaml", null, Map.of(), null), true));
    assertEquals("Fleet", fleet.inventory().title());
    assertEquals(
        List.of("prod-use1", "dev-use1"),
        fleet.inventory().runbooks().stream().map(RunbookInput::id).toList());
  }

  @Test
  void aFlagForAWholeInventoryIsRefused() throws IOException {
    Path f = file("site.yaml", INVENTORY);
    assertEquals(
        "[--region: error: --region sets a value of one runbook, but site.yaml is an inventory;"
            + " choose an entry with --id, or set it in the inventory]",
        error(request(f, "site.yaml", null, flags("region", "--region", "eu-west-1"), null), true));
    assertEquals(
        "[--pack: error: --pack sets a value of one runbook, but site.yaml is an inventory;"
            + " choose an entry with --id, or set it in the inventory]",
        error(request(f, "site.yaml", null, Map.of(), "kms-policy"), true));
  }

  @Test
  void anInventoryWithoutAnIdIsRefusedWhereOneRunbookIsMeant() throws IOException {
    Path f = file("site.yaml", INVENTORY);
    assertEquals(
        "[site.yaml: error: is an inventory of 2 runbooks; choose one with --id (ids: prod-use1,"
            + " dev-use1), or build them all with runwright site]",
        error(request(f, "site.yaml", null, Map.of(), null), false));
  }

  @Test
  void anUnknownIdIsRefusedWithASuggestion() throws IOException {
    Path f = file("site.yaml", INVENTORY);
    assertEquals(
        "[--id: error: id: no entry of site.yaml has id \"prod-use2\"; did you mean prod-use1?"
            + " (ids: prod-use1, dev-use1)]",
        error(request(f, "site.yaml", "prod-use2", Map.of(), null), false));
  }

  @Test
  void anIdOfTwoEntriesIsRefused() throws IOException {
    Path f =
        file("site.yaml", "runbooks:\n  - {id: a, account: \"1\"}\n  - {id: a, account: \"2\"}\n");
    assertEquals(
        "[--id: error: id: \"a\" is the id of 2 entries of site.yaml (runbooks[0] (a), runbooks[1]"
            + " (a)); give each entry its own id]",
        error(request(f, "site.yaml", "a", Map.of(), null), false));
  }

  @Test
  void anEntryThatIsNoMappingIsReportedWhenOneIsChosen() throws IOException {
    Path f = file("site.yaml", "runbooks:\n  - {id: a}\n  - just text\n");
    assertEquals(
        "[site.yaml:3:5: error: runbooks[1]: is a single value; expected a mapping of settings]",
        error(request(f, "site.yaml", "a", Map.of(), null), false));
  }

  @Test
  void aRunbookAndAnInventoryOnStandardInput() {
    InputStream saved = System.in;
    try {
      System.setIn(stream("pack: kms-policy\naccount: \"111122223333\"\n"));
      Inputs.One one =
          assertInstanceOf(
              Inputs.One.class,
              Inputs.route(request(Path.of("-"), "<stdin>", null, Map.of(), null), false));
      assertEquals("kms-policy", one.input().pack());
      assertEquals("<stdin>", one.input().fields().get("account").keyPos().source());

      System.setIn(stream(INVENTORY));
      Inputs.One entry =
          assertInstanceOf(
              Inputs.One.class,
              Inputs.route(request(Path.of("-"), "<stdin>", "prod-use1", Map.of(), null), false));
      assertEquals("prod", value(entry.input(), "clusterId"));
    } finally {
      System.setIn(saved);
    }
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
