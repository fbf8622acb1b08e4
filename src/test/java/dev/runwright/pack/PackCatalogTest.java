package dev.runwright.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.InvalidInputException;
import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.render.TemplateRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs found in a template folder: a wrong manifest is a {@link PackException} whose lines each
 * name the manifest's file, line and column; a missing pack is the input's mistake.
 */
class PackCatalogTest {
  private static final Position AT = Position.flag("--pack");
  private static final String DOCS =
      "documents:\n"
          + "  - {id: runbook, path: runbook.md, template: runbook.md.ftl, kind: runbook-markdown}\n";

  @TempDir Path dir;

  /** Writes pack {@code id} with {@code manifest} and a runbook template. */
  private void pack(String id, String manifest) throws IOException {
    Files.createDirectories(dir.resolve(id));
    Files.writeString(dir.resolve(id + "/pack.yaml"), manifest);
    Files.writeString(dir.resolve(id + "/runbook.md.ftl"), "# ${account}\n");
  }

  private PackCatalog catalog() {
    return new PackCatalog(new TemplateRoots(List.of(dir)), new YamlReader());
  }

  private String file(String id) {
    return dir.resolve(id + "/pack.yaml").toString();
  }

  private List<String> lines(String id) {
    return assertThrows(PackException.class, () -> catalog().get(id, AT)).lines();
  }

  @Test
  void aGoodPackIsReadOnce() throws IOException {
    pack("mine", "id: mine\ntitle: Mine\nparameters:\n  account: {type: aws-account-id}\n" + DOCS);
    PackCatalog c = catalog();
    PackManifest m = c.get("mine", AT);
    assertEquals("Mine", m.title());
    assertEquals("Mine", m.stepTitle(), "the step title defaults to the title");
    assertEquals("mine", m.stepDir(), "the step folder defaults to the id");
    assertEquals(List.of("account"), List.copyOf(m.parameters().keySet()));
    assertEquals(file("mine"), m.source());
    assertSame(m, c.get("mine", AT));
    assertTrue(c.ids().contains("mine"));
  }

  @Test
  void anIdThatDiffersFromTheFolderIsReportedAtTheId() throws IOException {
    pack("mine", "id: other\ntitle: Mine\n" + DOCS);
    assertEquals(
        List.of(file("mine") + ":1:5: error: id: \"other\" differs from the folder name \"mine\""),
        lines("mine"));
  }

  @Test
  void everyMistakeOfAManifestIsOneLineWithItsPosition() throws IOException {
    pack(
        "mine",
        "id: mine\ntitle: Mine\ntitel: x\nstepDir: Role\nparameters:\n"
            + "  n: {type: integr}\n"
            + DOCS);
    assertEquals(
        List.of(
            file("mine") + ":3:1: error: unknown manifest key \"titel\"; did you mean title?",
            file("mine")
                + ":4:10: error: stepDir: \"Role\" is not a folder name; expected lower-case"
                + " letters, digits and hyphens",
            file("mine")
                + ":6:13: error: parameters.n.type: unknown type \"integr\"; did you mean"
                + " integer? (types: "
                + String.join(", ", ParamTypes.ids())
                + ")"),
        lines("mine"));
  }

  @Test
  void aManifestThatIsNotYamlIsReportedWithItsPosition() throws IOException {
    pack("mine", "id: mine\ntitle: [unclosed\n");
    List<String> lines = lines("mine");
    assertEquals(1, lines.size(), lines::toString);
    assertTrue(lines.get(0).startsWith(file("mine") + ":"), lines.get(0));
    assertTrue(lines.get(0).contains(": error: "), lines.get(0));
  }

  @Test
  void aMissingPackIsTheInputsMistakeWithASuggestion() throws IOException {
    pack("mine", "id: mine\ntitle: Mine\n" + DOCS);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> catalog().get("mien", AT));
    String line = e.diagnostics().get(0).toString();
    assertTrue(
        line.startsWith("--pack: error: pack: there is no pack \"mien\"; did you mean mine?"),
        line);
    assertTrue(line.contains("(packs: "), line);
  }

  @Test
  void aPackIdMustBeLowerCase() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> catalog().get("../etc", AT));
    assertTrue(
        e.diagnostics().get(0).toString().contains("is not a pack id"), e.diagnostics().toString());
  }

  @Test
  void aFollowUpChainIsAProcedure() throws IOException {
    pack("a", "id: a\ntitle: A\nfollowUp: b\n" + DOCS);
    pack("b", "id: b\ntitle: B\nstepDir: role\n" + DOCS);
    Procedure p = catalog().procedure("a", AT);
    assertEquals(List.of("a", "b"), p.packs().stream().map(PackManifest::id).toList());
    assertEquals("role", p.packs().get(1).stepDir());
  }

  @Test
  void aFollowUpLoopIsReported() throws IOException {
    pack("a", "id: a\ntitle: A\nfollowUp: b\n" + DOCS);
    pack("b", "id: b\ntitle: B\nfollowUp: a\n" + DOCS);
    PackException e = assertThrows(PackException.class, () -> catalog().procedure("a", AT));
    assertEquals(file("a") + ": error: the followUp chain loops back to pack a", e.getMessage());
  }

  @Test
  void aFollowUpToNoPackIsReported() throws IOException {
    pack("a", "id: a\ntitle: A\nfollowUp: zz\n" + DOCS);
    PackException e = assertThrows(PackException.class, () -> catalog().procedure("a", AT));
    assertEquals(
        file("a") + ": error: followUp names pack \"zz\", which does not exist", e.getMessage());
  }

  @Test
  void aConditionalStepsRequiredParameterIsRequiredOnlyWhenItApplies() throws IOException {
    pack(
        "kms",
        "id: kms\ntitle: K\nparameters:\n  account: {type: aws-account-id, required: true}\n"
            + DOCS);
    pack(
        "s3",
        "id: s3\ntitle: S\nparameters:\n  buckets: {type: string, list: true, required: true}\n"
            + "  owner: {type: string, required: true}\n"
            + DOCS);
    pack("proc", "id: proc\ntitle: P\nsteps:\n  - kms\n  - {pack: s3, when: {given: buckets}}\n");
    Procedure p = catalog().procedure("proc", AT);
    assertTrue(p.parameters().get("account").required(), "an unconditional step's stays");
    assertFalse(p.parameters().get("buckets").required());
    assertFalse(p.parameters().get("owner").required());
    assertEquals(List.of("kms"), p.stepsFor(Map.of()).stream().map(PackManifest::id).toList());
    assertEquals(
        List.of("kms", "s3"),
        p.stepsFor(Map.of("buckets", List.of("b"))).stream().map(PackManifest::id).toList());
  }

  @Test
  void aStepMustBeAnotherPack() throws IOException {
    pack("kms", "id: kms\ntitle: K\n" + DOCS);
    pack("proc", "id: proc\ntitle: P\nsteps:\n  - kms\n  - proc\n  - nope\n");
    List<String> lines = lines("proc");
    assertEquals(2, lines.size(), lines::toString);
    assertTrue(
        lines
            .get(0)
            .startsWith(file("proc") + ":5:5: error: steps[1]: \"proc\" is not another pack"),
        lines.get(0));
    assertEquals(
        file("proc") + ":6:5: error: steps[2]: \"nope\" is not another pack", lines.get(1));
  }

  @Test
  void aProcedureListingItselfIsNotToldToNameItself() throws IOException {
    pack("kms", "id: kms\ntitle: K\n" + DOCS);
    pack("proc", "id: proc\ntitle: P\nsteps:\n  - kms\n  - proc\n");
    assertEquals(
        List.of(file("proc") + ":5:5: error: steps[1]: \"proc\" is not another pack"),
        lines("proc"));
  }

  @Test
  void aStepConditionNamingNoParameterIsReportedAtItsPosition() throws IOException {
    pack("kms", "id: kms\ntitle: K\nparameters:\n  keys: {type: string}\n" + DOCS);
    pack("proc", "id: proc\ntitle: P\nsteps:\n  - {pack: kms, when: {given: kyes}}\n");
    assertEquals(
        List.of(
            file("proc")
                + ":4:31: error: steps[0].when.given: \"kyes\" names no parameter; did you mean"
                + " keys?"),
        lines("proc"));
  }

  @Test
  void aStepConditionIsNamedByTheStepsPlaceInTheManifest() throws IOException {
    pack("kms", "id: kms\ntitle: K\nparameters:\n  keys: {type: string}\n" + DOCS);
    pack("proc", "id: proc\ntitle: P\nsteps:\n  - nope\n  - {pack: kms, when: {given: kyes}}\n");
    List<String> lines = lines("proc");
    assertEquals(2, lines.size(), lines::toString);
    assertTrue(lines.get(1).contains(":5:31: error: steps[1].when.given: "), lines.get(1));
  }
}
