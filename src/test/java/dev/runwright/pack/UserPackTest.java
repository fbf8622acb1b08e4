package dev.runwright.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack of the user's own, with parameters no built-in pack has (src/test/resources/packs/
 * dns-record): its flags, index fields and schema come from its pack.yaml alone, in generate, site,
 * wiki, check and schema.
 */
class UserPackTest {
  private static final Path PACKS = Path.of("src/test/resources/packs");

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void itsFlagsSetItsParametersInGenerate() throws IOException {
    Path out = tmp.resolve("out");
    Run r =
        run(
            "generate",
            "--templates",
            PACKS.toString(),
            "--pack",
            "dns-record",
            "--account",
            "111122223333",
            "--region",
            "us-east-1",
            "--zone-id",
            "Z0123456789ABCDEFGHIJ",
            "--record-name",
            "api.example.com",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    String policy = Files.readString(out.resolve("policy.json"));
    assertTrue(policy.contains("\"arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ\""), policy);
    assertTrue(policy.contains("\"api.example.com\""), policy);

    Run help = run("generate", "--templates", PACKS.toString(), "--help");
    assertTrue(help.out().contains("--zone-id=ZONE"), help.out());
    assertTrue(help.out().contains("The hosted zone's id."), help.out());
    Run without = run("generate", "--help");
    assertFalse(without.out().contains("--zone-id"), "only packs in the folders given add flags");
  }

  @Test
  void itsIndexFieldsAndFilterComeFromItsManifest() throws IOException {
    Path inv = tmp.resolve("dns.yaml");
    Files.writeString(
        inv,
        "title: DNS\ntemplates: [\""
            + PACKS.toAbsolutePath()
            + "\"]\ndefaults:\n  pack: dns-record\n  account: \"111122223333\"\n"
            + "  region: us-east-1\n"
            + "runbooks:\n  - zoneId: Z0123456789ABCDEFGHIJ\n    recordName: api.example.com\n"
            + "    owner: platform-team\n");
    Path site = tmp.resolve("site");
    Run r = run("site", "-q", "--config", inv.toString(), "--out", site.toString());
    assertEquals(0, r.code(), r.err());
    String index = Files.readString(site.resolve("index.html"));
    assertTrue(index.contains("111122223333-us-east-1-api-example-com/index.html"), index);
    assertTrue(index.contains(" · Z0123456789ABCDEFGHIJ · api.example.com"), index);
    assertTrue(index.contains("platform-team"), "the filter finds the owner");
    assertFalse(index.contains(" · platform-team"), "but the entry does not show it");

    Path wiki = tmp.resolve("wiki");
    Run w = run("wiki", "-q", "--config", inv.toString(), "--out", wiki.toString());
    assertEquals(0, w.code(), w.err());
    assertTrue(
        Files.readString(wiki.resolve("Home.md"))
            .contains("Z0123456789ABCDEFGHIJ · api.example.com"));

    Run check = run("check", "--config", inv.toString(), "--out", site.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    Run schema = run("schema", "--templates", PACKS.toString());
    assertTrue(schema.out().contains("\"zoneId\""), "the schema knows its parameters");
    assertTrue(schema.out().contains("Z[A-Z0-9]{1,31}"), "with their pattern");
  }

  /**
   * A document with a {@code form:} (here Terraform) is written unless the user leaves its form
   * out: {@code --forms none} (or {@code forms: []}) writes none, an unknown form is one error
   * naming the forms the packs have, and the schema offers them.
   */
  @Test
  void formsAreChosenByFlagOrYamlAndKnownToTheSchema() throws IOException {
    String[] base = {
      "generate",
      "--templates",
      PACKS.toString(),
      "--pack",
      "dns-record",
      "--account",
      "111122223333",
      "--region",
      "us-east-1",
      "--zone-id",
      "Z0123456789ABCDEFGHIJ",
      "--record-name",
      "api.example.com"
    };
    Path all = tmp.resolve("all");
    Run r = run(concat(base, "--out", all.toString()));
    assertEquals(0, r.code(), r.err());
    String tf = Files.readString(all.resolve("main.tf"));
    assertTrue(tf.contains("name   = \"dns-api-example-com\""), tf);
    assertTrue(tf.contains("\"route53:ChangeResourceRecordSets\""), tf);

    Path none = tmp.resolve("none");
    assertEquals(0, run(concat(base, "--forms", "none", "--out", none.toString())).code());
    assertTrue(Files.exists(none.resolve("policy.json")));
    assertFalse(Files.exists(none.resolve("main.tf")), "--forms none writes no Terraform");

    Path yaml = tmp.resolve("in.yaml");
    Files.writeString(
        yaml,
        "pack: dns-record\naccount: \"111122223333\"\nregion: us-east-1\n"
            + "zoneId: Z0123456789ABCDEFGHIJ\nrecordName: api.example.com\nforms: [terraform]\n");
    Path fromYaml = tmp.resolve("yaml");
    Run y =
        run(
            "generate",
            "--templates",
            PACKS.toString(),
            "-c",
            yaml.toString(),
            "--out",
            fromYaml.toString());
    assertEquals(0, y.code(), y.err());
    assertTrue(Files.exists(fromYaml.resolve("main.tf")));

    Path bad = tmp.resolve("bad");
    Run wrong = run(concat(base, "--forms", "terrafrom", "--out", bad.toString()));
    assertEquals(3, wrong.code(), wrong.err()); // invalid input
    assertTrue(
        wrong.err().contains("\"terrafrom\" is not a form of these packs; did you mean terraform?"),
        wrong.err());
    assertFalse(Files.exists(bad), "nothing written");

    Run schema = run("schema", "--templates", PACKS.toString());
    // the pack's form after the built-in packs' forms, then the text forms and none
    assertTrue(
        schema
            .out()
            .replaceAll("\\s+", "")
            .matches("(?s).*\"enum\":\\[[^\\]]*\"terraform\"[^\\]]*\"none\"\\].*"),
        schema.out());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
