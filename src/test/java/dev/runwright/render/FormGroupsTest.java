package dev.runwright.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ways of doing one thing, as the page's HTML writes them for the tabs. */
class FormGroupsTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  private static String render(String markdown) {
    return RENDERER.render(markdown, UnaryOperator.identity()).body();
  }

  private static final Pattern FORM =
      Pattern.compile(
          "<section class=\"rw-form\" data-rw-form=\"([^\"]*)\" data-rw-label=\"([^\"]*)\""
              + " aria-labelledby=\"([^\"]*)\">\n<h3 id=\"\\3\">");

  private static List<String> forms(String html) {
    Matcher m = FORM.matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1) + "=" + m.group(2));
    }
    return out;
  }

  private static final String ALL =
      """
      ## Create it

      <!-- runwright:forms -->

      ### In the console

      1. Choose **Create**.
      2. Choose **Save**.

      ### With the AWS CLI

      ```sh
      aws iam create-policy --policy-name P
      ```

      ### With Terraform

      Text.

      ### With CloudFormation

      Text.

      ### With an SSM Automation runbook

      Text.

      <!-- runwright:end-forms -->

      ## Check it
      """;

  @Test
  void eachMarkedFormIsASectionWithItsHeadingNameAndLabel() {
    String html = render(ALL);
    assertEquals(
        List.of(
            "console=Console",
            "cli=AWS CLI",
            "terraform=Terraform",
            "cloudformation=CloudFormation",
            "ssm=SSM Automation"),
        forms(html),
        html);
    assertTrue(html.contains("<div class=\"rw-forms\" data-rw-forms=\"\">"), html);
    assertFalse(html.contains("runwright:"), "the markers are gone: " + html);
    int group = html.indexOf("rw-forms");
    assertTrue(html.indexOf("<h2 id=\"create-it\"") < group, "the heading before stays before");
    assertTrue(html.indexOf("<h2 id=\"check-it\"") > html.lastIndexOf("</section>"), html);
  }

  @Test
  void stepsInsideAFormAreStillStepsTheOperatorTicks() {
    String html = render(ALL);
    assertEquals(2, html.split("<li data-rw-step=\"\">", -1).length - 1, html);
    assertTrue(html.contains("<pre data-rw-step=\"\"><code class=\"language-sh\">"), html);
  }

  @Test
  void aPacksOwnFormIsNamedAfterItsHeadingAndRepeatedNamesStayApart() {
    String html =
        render(
            """
            <!-- runwright:forms -->

            ### With AWS CDK

            One.

            ### With the AWS CLI

            Two.

            ### With the AWS CLI

            Three.

            <!-- runwright:end-forms -->
            """);
    assertEquals(List.of("aws-cdk=AWS CDK", "cli=AWS CLI", "cli-2=AWS CLI"), forms(html), html);
  }

  @Test
  void aGroupOfOneFormOrUnmarkedHeadingsStaysPlainSections() {
    String one =
        render(
            "<!-- runwright:forms -->\n\n### In the console\n\nOne.\n\n<!-- runwright:end-forms -->\n");
    assertFalse(one.contains("rw-form"), one);
    assertFalse(one.contains("runwright:"), one);
    String unmarked = render("### In the console\n\nOne.\n\n### With the AWS CLI\n\nTwo.\n");
    assertFalse(unmarked.contains("rw-form"), unmarked);
  }

  @Test
  void textBeforeTheFirstFormStaysOutsideTheTabs() {
    String html =
        render(
            "<!-- runwright:forms -->\n\nFor every form.\n\n### In the console\n\nOne.\n\n"
                + "### With the AWS CLI\n\nTwo.\n\n<!-- runwright:end-forms -->\n");
    assertTrue(html.indexOf("<p>For every form.</p>") < html.indexOf("rw-forms"), html);
  }

  @Test
  void theTableOfContentsStillListsEachFormsHeading() {
    var toc = RENDERER.render(ALL, UnaryOperator.identity()).toc();
    assertEquals(
        List.of(
            "Create it",
            "In the console",
            "With the AWS CLI",
            "With Terraform",
            "With CloudFormation",
            "With an SSM Automation runbook",
            "Check it"),
        toc.stream().map(MarkdownRenderer.Section::heading).toList());
  }
}
