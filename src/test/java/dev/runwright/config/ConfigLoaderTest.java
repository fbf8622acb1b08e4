package dev.runwright.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final ConfigLoader LOADER = new ConfigLoader(new YamlReader());

  @TempDir Path dir;

  private ConfigLoader.Config load(String yaml) throws IOException {
    Path f = dir.resolve("site.yaml");
    Files.writeString(f, yaml);
    return LOADER.load(f, "site.yaml");
  }

  private List<String> errors(String yaml) throws IOException {
    Path f = dir.resolve("site.yaml");
    Files.writeString(f, yaml);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> LOADER.load(f, "site.yaml"));
    return e.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  private static String text(RunbookInput in, String key) {
    return assertInstanceOf(Node.Scalar.class, in.fields().get(key).value()).text();
  }

  @Test
  void aFileWithoutRunbooksIsOneRunbook() throws IOException {
    ConfigLoader.Single s =
        assertInstanceOf(
            ConfigLoader.Single.class,
            load(
                """
                id: payments
                pack: kms-policy
                account: 012345678901
                region: us-east-1
                keys:
                  - 1234abcd-12ab-34cd-56ef-1234567890ab
                """));
    RunbookInput in = s.runbook();
    assertEquals("", in.label());
    assertEquals("payments", in.id());
    assertEquals(new Position("site.yaml", 1, 5), in.idAt());
    assertEquals("kms-policy", in.pack());
    assertEquals(new Position("site.yaml", 2, 7), in.packAt());
    assertEquals(List.of("account", "region", "keys"), new ArrayList<>(in.fields().keySet()));
    assertEquals("012345678901", text(in, "account"));
    assertEquals(List.of(), s.templates());
  }

  @Test
  void withoutIdOrPackTheyAreNullAtTheMapping() throws IOException {
    RunbookInput in = ((ConfigLoader.Single) load("account: \"111122223333\"\n")).runbook();
    assertNull(in.id());
    assertNull(in.pack());
    assertEquals(new Position("site.yaml", 1, 1), in.packAt());
    assertEquals(new Position("site.yaml", 1, 1), in.at());
  }

  @Test
  void aSingleRunbookThatIsNotAMappingIsRefused() throws IOException {
    assertEquals(
        List.of("site.yaml:1:1: error: is a list; expected a mapping of keys"),
        errors("- account\n- region\n"));
  }

  @Test
  void idAndPackMustBeSingleValues() throws IOException {
    assertEquals(
        List.of(
            "site.yaml:1:5: error: id: is a list; expected a single value",
            "site.yaml:2:7: error: pack: is a mapping; expected a single value"),
        errors("id: [a, b]\npack: {x: 1}\n"));
  }

  @Test
  void anInventoryMergesDefaultsUnderEachEntry() throws IOException {
    ConfigLoader.Inventory inv =
        assertInstanceOf(
            ConfigLoader.Inventory.class,
            load(
                """
                title: Payments
                baseUrl: https://runbooks.example.com/kms
                defaults:
                  account: "111122223333"
                  region: us-east-1
                  pack: kms-policy
                runbooks:
                  - id: prod-use1
                    keys: [1234abcd-12ab-34cd-56ef-1234567890ab]
                  - id: prod-euw1
                    region: eu-west-1
                    pack: aurora-role
                """));
    assertEquals("Payments", inv.title());
    assertEquals("https://runbooks.example.com/kms/", inv.baseUrl());
    assertEquals(new Position("site.yaml", 2, 10), inv.baseUrlAt());
    assertEquals("site.yaml", inv.source());
    assertEquals(2, inv.runbooks().size());

    RunbookInput first = inv.runbooks().get(0);
    assertEquals("runbooks[0] (prod-use1)", first.label());
    assertEquals("prod-use1", first.id());
    assertEquals("kms-policy", first.pack());
    assertEquals(new Position("site.yaml", 6, 9), first.packAt()); // where the default was written
    assertEquals("111122223333", text(first, "account"));
    assertEquals("us-east-1", text(first, "region"));
    assertTrue(first.fields().containsKey("keys"));

    RunbookInput second = inv.runbooks().get(1);
    assertEquals("runbooks[1] (prod-euw1)", second.label());
    assertEquals("eu-west-1", text(second, "region")); // the entry wins over the default
    assertEquals(new Position("site.yaml", 11, 13), second.fields().get("region").value().pos());
    assertEquals("aurora-role", second.pack());
    assertEquals("111122223333", text(second, "account"));
    assertEquals(new Position("site.yaml", 10, 5), second.at());
  }

  @Test
  void anInventoryWithoutTitleOrDefaults() throws IOException {
    ConfigLoader.Inventory inv =
        (ConfigLoader.Inventory) load("runbooks:\n  - account: \"111122223333\"\n");
    assertEquals("Runbooks", inv.title());
    assertNull(inv.baseUrl());
    assertEquals("runbooks[0]", inv.runbooks().get(0).label());
    assertNull(inv.runbooks().get(0).id());
  }

  @Test
  void unknownInventoryKeysAreErrorsWithTheNearestKey() throws IOException {
    assertEquals(
        List.of(
            "site.yaml:1:1: error: unknown inventory key \"titel\"; did you mean title?",
            "site.yaml:2:1: error: unknown inventory key \"default\"; did you mean defaults?",
            "site.yaml:3:1: error: unknown inventory key \"vpc\""),
        errors("titel: T\ndefault: {}\nvpc: x\nrunbooks: []\n"));
  }

  @Test
  void templatesThatDoNotExistAreAnError() throws IOException {
    Path missing = dir.resolve("my-templates").toAbsolutePath().normalize();
    assertEquals(
        List.of(
            "site.yaml:1:12: error: templates: \""
                + missing
                + "\" is not a folder; expected a folder of templates, relative to the YAML"
                + " file"),
        errors("templates: my-templates\naccount: \"111122223333\"\n"));
  }

  @Test
  void templatesThatAreAFileAreAnError() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "x");
    List<String> e = errors("templates: notes.txt\nrunbooks: []\n");
    assertEquals(1, e.size());
    assertTrue(e.get(0).contains("notes.txt\" is not a folder"), e.get(0));
  }

  @Test
  void templatesAreResolvedAgainstTheFilesFolder() throws IOException {
    Files.createDirectories(dir.resolve("tpl/mine"));
    Files.createDirectories(dir.resolve("more"));
    ConfigLoader.Single s =
        (ConfigLoader.Single)
            load("templates: [tpl/mine, ./more/../more]\naccount: \"111122223333\"\n");
    Path base = dir.toAbsolutePath();
    assertEquals(List.of(base.resolve("tpl/mine"), base.resolve("more")), s.templates());
    assertFalse(s.runbook().fields().containsKey("templates"));
    ConfigLoader.Inventory inv =
        (ConfigLoader.Inventory) load("templates: tpl/mine\nrunbooks: []\n");
    assertEquals(List.of(base.resolve("tpl/mine")), inv.templates());
  }

  @Test
  void idAndTemplatesCannotHaveDefaults() throws IOException {
    assertEquals(
        List.of(
            "site.yaml:2:3: error: defaults: id cannot have a default; set it on each entry or at"
                + " the top of the file"),
        errors("defaults:\n  id: x\n  region: us-east-1\nrunbooks:\n  - pack: kms-policy\n"));
  }

  @Test
  void templatesAreNotSetPerEntry() throws IOException {
    assertEquals(
        List.of(
            "site.yaml:3:5: error: runbooks[0]: templates is set once, at the top of the"
                + " inventory, not per entry"),
        errors("runbooks:\n  - id: a\n    templates: t\n"));
  }

  @Test
  void anEditUrlIsKeptAndOnlyAnHttpAddressWithoutCredentialsIsAccepted() throws IOException {
    ConfigLoader.Inventory inv =
        (ConfigLoader.Inventory)
            load(
                "editUrl: https://git.example.com/ops/runbooks/edit/main/site.yaml\nrunbooks: []\n");
    assertEquals("https://git.example.com/ops/runbooks/edit/main/site.yaml", inv.editUrl());
    assertNull(((ConfigLoader.Inventory) load("runbooks: []\n")).editUrl());
    assertEquals(
        List.of(
            "site.yaml:1:10: error: editUrl: \"javascript:alert(1)\" is not an http(s) URL;"
                + " expected the inventory's page in its repository, such as"
                + " https://github.com/org/repo/edit/main/site.yaml"),
        errors("editUrl: javascript:alert(1)\nrunbooks: []\n"));
    assertEquals(
        List.of(
            "site.yaml:1:10: error: editUrl: has a user name or password in it, which every page"
                + " would publish; expected https://host/path"),
        errors("editUrl: https://me:secret@git.example.com/x\nrunbooks: []\n"));
  }

  @Test
  void everyStructuralProblemIsReportedTogether() throws IOException {
    assertEquals(
        List.of(
            "site.yaml:1:10: error: baseUrl: \"ftp://x\" is not an http(s) URL; expected"
                + " https://host/path/",
            "site.yaml:4:5: error: runbooks[1]: is a single value; expected a mapping of settings",
            "site.yaml:5:5: error: runbooks[2]: is a list; expected a mapping of settings"),
        errors("baseUrl: ftp://x\nrunbooks:\n  - id: a\n  - just-text\n  - [x]\n"));
  }

  @Test
  void aBaseUrlWithAQueryOrFragmentIsRefused() throws IOException {
    assertEquals(
        List.of(
            "site.yaml:1:10: error: baseUrl: \"https://ex.com/docs?x=1\" has a query (?...),"
                + " which every page address would be appended to; expected https://host/path/"),
        errors("baseUrl: https://ex.com/docs?x=1\n" + "runbooks:\n  - id: a\n"));
    assertEquals(
        List.of(
            "site.yaml:1:10: error: baseUrl: \"https://ex.com/#top\" has a fragment (#...),"
                + " which every page address would be appended to; expected https://host/path/"),
        errors("baseUrl: \"https://ex.com/#top\"\nrunbooks:\n  - id: a\n"));
  }

  @Test
  void runbooksMustBeAList() throws IOException {
    assertEquals(
        List.of("site.yaml:1:11: error: runbooks: is a mapping; expected a list of runbooks"),
        errors("runbooks: {a: 1}\n"));
  }

  @Test
  void defaultsMustBeAMapping() throws IOException {
    assertEquals(
        List.of("site.yaml:1:11: error: defaults: is a list; expected a mapping of keys"),
        errors("defaults: [a]\nrunbooks: []\n"));
  }

  @Test
  void explicitNullDefaultsAreNoDefaults() throws IOException {
    ConfigLoader.Inventory inv =
        (ConfigLoader.Inventory) load("defaults: ~\nrunbooks:\n  - id: a\n");
    assertEquals(List.of(), new ArrayList<>(inv.runbooks().get(0).fields().keySet()));
  }

  @Test
  void emptyDefaultsAreNoDefaults() throws IOException {
    ConfigLoader.Inventory inv = (ConfigLoader.Inventory) load("defaults:\nrunbooks:\n  - id: a\n");
    assertEquals(Map.of(), inv.runbooks().get(0).fields());
  }

  @Test
  void emptyTemplatesAreNoTemplates() throws IOException {
    ConfigLoader.Single s = (ConfigLoader.Single) load("templates:\naccount: \"111122223333\"\n");
    assertEquals(List.of(), s.templates());
  }

  @Test
  void overrideSetsFlagsOverTheFileAndKeepsTheRest() throws IOException {
    RunbookInput in =
        ((ConfigLoader.Single) load("pack: kms-policy\nregion: us-east-1\naccount: \"1\"\n"))
            .runbook();
    Position flag = Position.flag("--region");
    RunbookInput out =
        ConfigLoader.override(
            in,
            Map.of("region", new Node.Scalar("eu-west-1", Node.Style.QUOTED, flag)),
            null,
            "--pack");
    assertEquals("eu-west-1", text(out, "region"));
    assertEquals(flag, out.fields().get("region").keyPos());
    assertEquals("1", text(out, "account"));
    assertEquals("kms-policy", out.pack());
    RunbookInput packed = ConfigLoader.override(in, Map.of(), "aurora-role", "--pack");
    assertEquals("aurora-role", packed.pack());
    assertEquals(Position.flag("--pack"), packed.packAt());
  }
}
