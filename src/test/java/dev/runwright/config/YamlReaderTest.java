package dev.runwright.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlReaderTest {
  private static final YamlReader READER = new YamlReader();

  @TempDir Path dir;

  private static Node.Mapping yaml(String text) {
    return assertInstanceOf(Node.Mapping.class, READER.parse(text, "in.yaml"));
  }

  private static Node.Scalar scalar(Node.Mapping m, String key) {
    return assertInstanceOf(Node.Scalar.class, m.get(key));
  }

  private static Diagnostic refused(String text) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> READER.parse(text, "in.yaml"));
    assertEquals(1, e.diagnostics().size());
    return e.diagnostics().get(0);
  }

  private static Diagnostic refusedJson(String text) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> READER.parseJson(text, "p.json"));
    return e.diagnostics().get(0);
  }

  // --- Scalars keep the text the user wrote ---

  @Test
  void anUnquotedAccountIdKeepsItsTwelveCharacters() {
    Node.Scalar s = scalar(yaml("account: 012345678901\n"), "account");
    assertEquals("012345678901", s.text());
    assertEquals(Node.Style.PLAIN, s.style());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v: yes|yes",
        "v: no|no",
        "v: on|on",
        "v: true|true",
        "v: 0x1F|0x1F",
        "v: 0o17|0o17",
        "v: 0777|0777",
        "v: 1.5e3|1.5e3",
        "v: 1_000|1_000",
        "v: .inf|.inf",
        "v: 2012-10-17|2012-10-17",
        "v: 1.10|1.10",
        "v: +1|+1"
      })
  void plainScalarsKeepTheirText(String line, String text) {
    Node.Scalar s = scalar(yaml(line + "\n"), "v");
    assertEquals(text, s.text());
    assertEquals(Node.Style.PLAIN, s.style());
    assertFalse(s.isNull());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"v: ~|~", "v: null|null", "v: Null|Null", "v: NULL|NULL"})
  void nullsKeepTheirTextAndAreNull(String line, String text) {
    Node.Scalar s = scalar(yaml(line + "\n"), "v");
    assertEquals(text, s.text());
    assertEquals(Node.Style.NULL, s.style());
    assertTrue(s.isNull());
    assertEquals("an empty value", s.kind());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"v: \"~\"|~", "v: 'null'|null", "v: \"0x1F\"|0x1F"})
  void quotedScalarsAreTextNotNull(String line, String text) {
    Node.Scalar s = scalar(yaml(line + "\n"), "v");
    assertEquals(text, s.text());
    assertFalse(s.isNull());
  }

  @Test
  void anEmptyValueIsNull() {
    Node.Scalar s = scalar(yaml("a:\nb: 1\n"), "a");
    assertTrue(s.isNull(), s.toString());
    assertEquals("", s.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v: \"\"\n", "v: ''\n"})
  void aQuotedEmptyStringIsTextNotNull(String line) {
    Node.Scalar s = scalar(yaml(line), "v");
    assertEquals("", s.text());
    assertFalse(s.isNull(), s.toString());
  }

  @Test
  void blockScalarsKeepTheirLines() {
    Node.Scalar s = scalar(yaml("v: |\n  one\n  two\n"), "v");
    assertEquals("one\ntwo\n", s.text());
  }

  // --- Positions ---

  @Test
  void positionsAreOneBasedLineAndColumnOfKeyAndValue() {
    Node.Mapping m = yaml("# comment\nregion:   us-east-1\nkeys:\n  - abc\n");
    Node.Field region = m.fields().get("region");
    assertEquals(new Position("in.yaml", 2, 1), region.keyPos());
    assertEquals(new Position("in.yaml", 2, 11), region.value().pos());
    Node.Sequence keys = assertInstanceOf(Node.Sequence.class, m.get("keys"));
    assertEquals(new Position("in.yaml", 4, 5), keys.items().get(0).pos());
    assertEquals("in.yaml:4:5", keys.items().get(0).pos().toString());
  }

  @Test
  void keysKeepTheirOrder() {
    Node.Mapping m = yaml("z: 1\na: 2\nm: 3\n");
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(m.fields().keySet()));
  }

  // --- What would silently change the meaning is refused ---

  @Test
  void aDuplicateKeyIsAnErrorAtTheSecondKeyNamingTheFirstLine() {
    Diagnostic d = refused("region: us-east-1\naccount: \"111122223333\"\nregion: eu-west-1\n");
    assertEquals(new Position("in.yaml", 3, 1), d.where());
    assertEquals(
        "in.yaml:3:1: error: duplicate key \"region\" (first at line 1); each key may appear once",
        d.toString());
  }

  @Test
  void aDuplicateKeyInANestedMappingIsAnError() {
    Diagnostic d = refused("runbooks:\n  - id: a\n    pack: x\n    id: b\n");
    assertEquals(new Position("in.yaml", 4, 5), d.where());
    assertEquals("duplicate key \"id\" (first at line 2); each key may appear once", d.message());
  }

  @Test
  void aSecondDocumentIsAnError() {
    Diagnostic d = refused("account: \"111122223333\"\n---\nregion: us-east-1\n");
    assertEquals(new Position("in.yaml", 3, 1), d.where());
    assertEquals("has more than one YAML document; put everything in one document", d.message());
  }

  @Test
  void anEmptyTextIsAnError() {
    Diagnostic d = refused("");
    assertEquals("in.yaml:1:1: error: is empty; expected a mapping of settings", d.toString());
    assertEquals(d.toString(), refused("# only a comment\n").toString());
  }

  @Test
  void binaryDataIsRefused() {
    Diagnostic d = refused("v: !!binary aGVsbG8=\n");
    assertEquals("in.yaml:1:4: error: holds binary data (!!binary); expected text", d.toString());
  }

  @Test
  void aSyntaxErrorKeepsSnakeYamlsSentenceAndPosition() {
    Diagnostic d = refused("a: 1\nb: 2\nc: d: e\n");
    assertEquals(
        "in.yaml:3:5: error: is not valid YAML: mapping values are not allowed here", d.toString());
  }

  @Test
  void aTabIndentationErrorPointsAtTheTab() {
    Diagnostic d = refused("a: b\n\tc: d\n");
    assertEquals(new Position("in.yaml", 2, 1), d.where());
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    assertEquals("1", scalar(yaml("\uFEFFa: 1\n"), "a").text());
  }

  // --- Files ---

  @Test
  void invalidUtf8IsAnErrorWithLineAndColumn() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.write(f, new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', 'x', (byte) 0xFF, '\n'});
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> READER.read(f, "bad.yaml"));
    assertEquals(
        "bad.yaml:2:5: error: is not valid UTF-8 (byte 0xFF at offset 9); save the file as UTF-8",
        e.diagnostics().get(0).toString());
  }

  @Test
  void aTruncatedUtf8SequenceAtTheEndIsAnError() throws IOException {
    Path f = dir.resolve("cut.yaml");
    Files.write(f, new byte[] {'a', ':', ' ', (byte) 0xC3});
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> READER.read(f, "cut.yaml"));
    assertEquals(
        "cut.yaml:1:4: error: is not valid UTF-8 (byte 0xC3 at offset 3); save the file as UTF-8",
        e.diagnostics().get(0).toString());
  }

  @Test
  void theColumnOfInvalidUtf8CountsCharacters() throws IOException {
    Path f = dir.resolve("bad.yaml");
    byte[] line = "b: \u00e9".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[line.length + 1];
    System.arraycopy(line, 0, bytes, 0, line.length);
    bytes[line.length] = (byte) 0xFF;
    Files.write(f, bytes);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> READER.read(f, "bad.yaml"));
    assertEquals(new Position("bad.yaml", 1, 5), e.diagnostics().get(0).where());
  }

  @Test
  void validUtf8IsRead() throws IOException {
    Path f = dir.resolve("ok.yaml");
    Files.writeString(f, "description: \u00e9t\u00e9 \u5317\u4eac \uD83D\uDE00\n");
    Node.Mapping m = assertInstanceOf(Node.Mapping.class, READER.read(f, "ok.yaml"));
    assertEquals("\u00e9t\u00e9 \u5317\u4eac \uD83D\uDE00", scalar(m, "description").text());
  }

  @Test
  void aFileOverTheLimitIsRefused() throws IOException {
    YamlReader small = new YamlReader(10);
    Path f = dir.resolve("big.yaml");
    Files.writeString(f, "a: 1234567\n"); // 11 bytes
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> small.read(f, "big.yaml"));
    assertEquals(
        "big.yaml: error: is 11 bytes; Runwright reads files of at most 10 bytes"
            + " (--max-input-bytes raises the limit)",
        e.diagnostics().get(0).toString());
    Files.writeString(f, "a: 123456\n"); // 10 bytes
    assertEquals("123456", scalar((Node.Mapping) small.read(f, "big.yaml"), "a").text());
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    Path f = dir.resolve("huge.yaml");
    long size = 3L * 1024 * 1024 * 1024; // sparse: reading it would need a 3 GiB array
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(size);
    }
    InvalidInputException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () -> assertThrows(InvalidInputException.class, () -> READER.read(f, "huge.yaml")));
    assertEquals(
        "is 3221225472 bytes; Runwright reads files of at most 10485760 bytes"
            + " (--max-input-bytes raises the limit)",
        e.diagnostics().get(0).message());
  }

  @Test
  void aMissingFileAndAFolderAreNamed() throws IOException {
    InvalidInputException missing =
        assertThrows(
            InvalidInputException.class, () -> READER.read(dir.resolve("no.yaml"), "no.yaml"));
    assertEquals("no.yaml: error: does not exist", missing.diagnostics().get(0).toString());
    InvalidInputException folder =
        assertThrows(InvalidInputException.class, () -> READER.read(dir, "conf"));
    assertEquals(
        "conf: error: is a directory; expected a YAML file",
        folder.diagnostics().get(0).toString());
  }

  // --- Anchors, aliases and merge keys ---

  @Test
  void aliasesRepeatAnAnchoredListOrMapping() {
    Node.Mapping m = yaml("l: &keys [x, y]\nm: *keys\nd: &d {region: us-east-1}\ne: *d\n");
    Node.Sequence seq = assertInstanceOf(Node.Sequence.class, m.get("m"));
    assertEquals(
        List.of("x", "y"), seq.items().stream().map(n -> ((Node.Scalar) n).text()).toList());
    assertEquals(
        "us-east-1", scalar(assertInstanceOf(Node.Mapping.class, m.get("e")), "region").text());
  }

  @Test
  void aliasesRepeatAnAnchoredScalar() {
    Node.Mapping m = yaml("a: &acct \"012345678901\"\nb: *acct\n");
    assertEquals("012345678901", scalar(m, "b").text());
  }

  @Test
  void anAliasWithoutAnAnchorIsAnError() {
    Diagnostic d = refused("a: *nowhere\n");
    assertEquals(
        "in.yaml:1:4: error: uses the alias *nowhere, but no &nowhere comes before it",
        d.toString());
  }

  @Test
  void mergeKeysMergeUnderTheMappingsOwnKeys() {
    Node.Mapping m =
        yaml(
            """
            base: &base
              region: us-east-1
              account: "111122223333"
            eu: &eu
              region: eu-west-1
              pack: kms-policy
            entry:
              <<: [*base, *eu]
              account: "444455556666"
            """);
    Node.Mapping entry = assertInstanceOf(Node.Mapping.class, m.get("entry"));
    assertEquals("444455556666", scalar(entry, "account").text()); // its own key wins
    assertEquals("us-east-1", scalar(entry, "region").text()); // the first merged mapping wins
    assertEquals("kms-policy", scalar(entry, "pack").text());
    assertFalse(entry.fields().containsKey("<<"));
  }

  @Test
  void aSingleMergeKey() {
    Node.Mapping m = yaml("d: &d\n  x: 1\ne:\n  <<: *d\n  y: 2\n");
    Node.Mapping e = assertInstanceOf(Node.Mapping.class, m.get("e"));
    assertEquals("1", scalar(e, "x").text());
    assertEquals("2", scalar(e, "y").text());
  }

  @Test
  void aMergeKeyWhoseValueIsNotAMappingIsAnError() {
    Diagnostic d = refused("x:\n  <<: 5\n");
    assertEquals(
        "in.yaml:2:7: error: has a merge key (<<) whose value is not a mapping", d.toString());
  }

  @Test
  void aBillionLaughsFileFailsFastWithAClearMessage() {
    StringBuilder sb =
        new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      String p = "*" + (char) (c - 1);
      sb.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, p)))
          .append("]\n");
    }
    String text = sb.toString();
    Diagnostic d = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> refused(text));
    assertEquals(
        "expands to more than 5000000 values through aliases; refusing it (a \"billion laughs\""
            + " file?)",
        d.message());
    assertEquals(7, d.where().line()); // g expands to 11 million values; f to about 1.1 million
  }

  @Test
  void manyAliasesBelowTheLimitAreFine() {
    StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'e'; c++) {
      String p = "*" + (char) (c - 1);
      sb.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, p)))
          .append("]\n");
    }
    Node.Mapping m = yaml(sb.toString()); // e expands to about 111 thousand values
    assertEquals(10, assertInstanceOf(Node.Sequence.class, m.get("e")).items().size());
  }

  // --- JSON ---

  @Test
  void jsonStringsAreQuotedAndOtherValuesArePlain() {
    Node.Mapping m =
        assertInstanceOf(
            Node.Mapping.class,
            READER.parseJson("{\"s\": \"012\", \"n\": 12, \"b\": true, \"z\": null}", "p.json"));
    assertEquals(
        new Node.Scalar("012", Node.Style.QUOTED, new Position("p.json", 1, 7)), m.get("s"));
    assertEquals(Node.Style.PLAIN, scalar(m, "n").style());
    assertEquals("12", scalar(m, "n").text());
    assertEquals(Node.Style.PLAIN, scalar(m, "b").style());
    assertTrue(scalar(m, "z").isNull());
    assertEquals(new Position("p.json", 1, 2), m.fields().get("s").keyPos());
  }

  @Test
  void jsonDuplicateKeysAreAnErrorWithoutASink() {
    Diagnostic d = refusedJson("{\n  \"a\": 1,\n  \"a\": 2\n}");
    assertEquals(
        "p.json:3:3: error: duplicate key \"a\" (first at line 2); each key may appear once",
        d.toString());
  }

  @Test
  void jsonDuplicateKeysGoToTheSinkAndTheLaterValueWins() {
    List<String> seen = new ArrayList<>();
    Node root =
        READER.parseJson(
            "{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}",
            "p.json",
            (key, first, again) -> seen.add(key + " " + first + " " + again));
    assertEquals(List.of("a p.json:2:3 p.json:4:3"), seen);
    Node.Mapping m = assertInstanceOf(Node.Mapping.class, root);
    assertEquals("3", scalar(m, "a").text());
    assertEquals(new Position("p.json", 4, 3), m.fields().get("a").keyPos());
  }

  @Test
  void jsonTrailingCommasAreRefused() {
    Diagnostic d = refusedJson("{\"a\": [1,]}");
    assertEquals(new Position("p.json", 1, 9), d.where(), "at the comma");
    assertTrue(d.message().startsWith("is not valid JSON: a trailing comma;"), d.message());
  }

  @Test
  void jsonContentAfterTheValueIsRefused() {
    Diagnostic d = refusedJson("{} {}");
    assertEquals("p.json:1:4: error: has content after the end of the JSON value", d.toString());
  }

  @Test
  void yamlOnlySyntaxIsNotJson() {
    Diagnostic d = refusedJson("a: 1");
    assertTrue(d.message().startsWith("is not valid JSON: "), d.message());
  }

  @Test
  void mergeKeysAreOrdinaryKeysInJson() {
    Node.Mapping m =
        assertInstanceOf(
            Node.Mapping.class, READER.parseJson("{\"<<\": {\"a\": \"1\"}}", "p.json"));
    assertTrue(m.fields().containsKey("<<"));
  }
}
