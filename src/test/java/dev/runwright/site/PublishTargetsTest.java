package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of targets, and how a folder tells which target published it. */
class PublishTargetsTest {
  @TempDir Path tmp;

  @Test
  void everyNameIsATargetByNameAndForAFolder() {
    for (String name : PublishTargets.NAMES) {
      assertEquals(name, PublishTargets.get(name).name());
      assertEquals(name, PublishTargets.get(name, tmp).name(), "check --target " + name);
    }
    assertNull(PublishTargets.get("hugo"));
    assertNull(PublishTargets.get("hugo", tmp));
  }

  @Test
  void aFolderSaysWhichTargetPublishedIt() {
    assertEquals("site", PublishTargets.forFolder(tmp.resolve("missing")).name());
    assertEquals("site", PublishTargets.forFolder(tmp).name());
    write(tmp.resolve("github/Home.md"), "# Home\n");
    assertEquals("github-wiki", PublishTargets.forFolder(tmp.resolve("github")).name());
    write(tmp.resolve("gitlab/home.md"), "# Home\n");
    assertEquals("gitlab-wiki", PublishTargets.forFolder(tmp.resolve("gitlab")).name());
    write(tmp.resolve("confluence/pages.json"), "[]\n");
    assertEquals("confluence", PublishTargets.forFolder(tmp.resolve("confluence")).name());
    write(tmp.resolve("mkdocs/mkdocs.yml"), "site_name: x\ntheme:\n  name: mkdocs\n");
    PublishTarget mk = PublishTargets.forFolder(tmp.resolve("mkdocs"));
    assertEquals("mkdocs", mk.name());
    MkDocsTarget.Options o = ((MkDocsTarget) mk).options();
    assertEquals(MkDocsTarget.Theme.MKDOCS, o.theme());
    assertEquals(false, o.techdocs());
  }

  @Test
  void aTechDocsBundleKeepsItsOwnerAndMaterialIsTheDefaultTheme() {
    write(tmp.resolve("mkdocs.yml"), "site_name: x\n");
    write(
        tmp.resolve("catalog-info.yaml"),
        "kind: Component\nspec:\n  owner: \"group:default/payments\"\n");
    MkDocsTarget.Options o = MkDocsTarget.forFolder(tmp).options();
    assertEquals(MkDocsTarget.Theme.MATERIAL, o.theme());
    assertTrue(o.techdocs());
    assertEquals("group:default/payments", o.owner());
  }
}
