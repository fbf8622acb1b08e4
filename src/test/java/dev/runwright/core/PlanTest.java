package dev.runwright.core;

import static dev.runwright.core.Runbooks.pack;
import static dev.runwright.core.Runbooks.procedure;
import static dev.runwright.core.Runbooks.single;
import static dev.runwright.core.Runbooks.stepDocs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.runwright.kind.DocumentKind;
import dev.runwright.model.Link;
import dev.runwright.model.StepModel;
import dev.runwright.pack.DocumentSpec;
import dev.runwright.pack.PackManifest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where every document of a runbook lands, computed once, and the links between them. */
class PlanTest {
  private static final PackManifest KMS = pack("kms-policy", "kms", stepDocs());
  private static final PackManifest ROLE = pack("rds-role", "role", stepDocs());

  /** A layout like a wiki's: Markdown only, flat, named by the step folder. */
  private static final Layout MARKDOWN_ONLY =
      new Layout() {
        @Override
        public String place(Runbook rb, int step, DocumentSpec doc) {
          if (doc.kind().presentation() != DocumentKind.Presentation.RUNBOOK) {
            return null;
          }
          return step == OVERVIEW ? "home.md" : rb.steps().get(step - 1).pack().stepDir() + ".md";
        }

        @Override
        public boolean standalonePages() {
          return false;
        }

        @Override
        public boolean frontMatter() {
          return false;
        }
      };

  @Test
  void eachDocumentHasItsPlace() {
    Runbook rb = procedure(KMS, ROLE);
    Plan plan = new Plan(rb, FolderLayout.generate());
    DocumentSpec policy = KMS.document("policy");
    assertEquals("kms/policy.json", plan.path(1, policy));
    assertEquals("role/policy.json", plan.path(2, ROLE.document("policy")));
    assertEquals("procedure.md", plan.runbookPath(Layout.OVERVIEW));
    assertEquals("role/runbook.md", plan.runbookPath(2));
    assertEquals(rb.overview(), plan.documents(Layout.OVERVIEW));
    assertEquals(KMS.documents(), plan.documents(1));
  }

  @Test
  void aDocumentTheLayoutDoesNotPublishHasNoPlace() {
    Plan plan = new Plan(procedure(KMS, ROLE), MARKDOWN_ONLY);
    assertNull(plan.path(1, KMS.document("policy")));
    assertNull(plan.path(1, KMS.document("page")));
    assertEquals("kms.md", plan.runbookPath(1));
    assertEquals(
        List.of(new Link("runbook", "kms.md")),
        plan.steps("home.md").get(0).documents(),
        "a step lists only what is published");
  }

  @Test
  void theStepsAsTemplatesSeeThemLinkFromThePageAskingForThem() {
    Plan plan = new Plan(procedure(KMS, ROLE), FolderLayout.generate());
    List<StepModel> steps = plan.steps("procedure.html");
    assertEquals(2, steps.size());
    StepModel first = steps.get(0);
    assertEquals(1, first.number());
    assertEquals(2, first.total());
    assertEquals("kms-policy", first.pack());
    assertEquals("Step kms-policy", first.title());
    assertEquals("Title of kms-policy", first.packTitle());
    assertEquals("kms/runbook.md", first.href());
    assertEquals(
        List.of(new Link("policy.json", "kms/policy.json"), new Link("runbook", "kms/runbook.md")),
        first.documents(),
        "no page, and the runbook by its name without .md");
    assertEquals(
        "../kms/runbook.md",
        plan.steps("role/runbook.html").get(0).href(),
        "relative to the asking page");
  }

  @Test
  void withoutAPageAskingTheLinksArePathsFromTheRoot() {
    StepModel first = new Plan(procedure(KMS, ROLE), FolderLayout.generate()).steps(null).get(0);
    assertNull(first.href());
    assertEquals("kms/policy.json", first.documents().get(0).href());
  }

  @Test
  void aLinkToPublishedMarkdownBecomesALinkToItsPage() {
    Plan plan = new Plan(procedure(KMS, ROLE), FolderLayout.generate());
    String md = "kms/runbook.md";
    String page = "kms/runbook.html";
    assertEquals("../role/runbook.html", plan.rewriteForPage("../role/runbook.md", md, page));
    assertEquals(
        "../role/runbook.html#step-2", plan.rewriteForPage("../role/runbook.md#step-2", md, page));
    assertEquals("../procedure.html", plan.rewriteForPage("../procedure.md", md, page));
    assertEquals("policy.json", plan.rewriteForPage("policy.json", md, page), "not Markdown");
  }

  @Test
  void otherLinksAreReBasedFromTheMarkdownsFolderToThePages() {
    Plan plan = new Plan(procedure(KMS, ROLE), FolderLayout.site("prod"));
    String md = "prod/kms/runbook.md";
    String page = "prod/kms/index.html";
    assertEquals("../role/index.html", plan.rewriteForPage("../role/runbook.md", md, page));
    assertEquals("policy.json", plan.rewriteForPage("policy.json", md, page));
    Plan flat = new Plan(single(KMS), FolderLayout.generate());
    assertEquals(
        "../runbook.html",
        flat.rewriteForPage("runbook.md", "runbook.md", "pages/runbook.html"),
        "a page in another folder links back");
  }

  @Test
  void linksThatAreNotRelativeOrLeaveTheFolderStayAsWritten() {
    Plan plan = new Plan(procedure(KMS, ROLE), FolderLayout.generate());
    String md = "kms/runbook.md";
    String page = "kms/runbook.html";
    for (String href :
        new String[] {
          "https://docs.aws.amazon.com/x", "#step-1", "/abs.md", "mailto:a@b", "", "../../x.md"
        }) {
      assertEquals(href, plan.rewriteForPage(href, md, page), href);
    }
    assertNull(plan.rewriteForPage(null, md, page));
    assertEquals("x.md", plan.rewriteForPage("x.md", null, page), "no Markdown path, no rewrite");
  }
}
