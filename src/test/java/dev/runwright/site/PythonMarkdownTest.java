package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CommonMark to Python-Markdown, construct by construct, as MkDocs reads it. */
class PythonMarkdownTest {
  private static final PythonMarkdown PLAIN = new PythonMarkdown(PythonMarkdown.Dialect.PLAIN);
  private static final PythonMarkdown MATERIAL =
      new PythonMarkdown(PythonMarkdown.Dialect.MATERIAL);

  private static void assertRendering(PythonMarkdown md, String source, String expected) {
    assertEquals(expected, md.convert(source));
    assertEquals(expected, md.convert(source), "a second conversion gives the same text");
  }

  @Test
  void nestedListContentIsIndentedByFourSpaces() {
    assertRendering(
        PLAIN,
        """
        6. In the dialog:
           - **Resources in**: **This account**.
           - Check it.
        7. Choose **Next**.
        """,
        """
        6. In the dialog:
            - **Resources in**: **This account**.
            - Check it.
        7. Choose **Next**.
        """);
  }

  @Test
  void codeInAListIsFencedWithSuperfencesAndIndentedWithout() {
    String source =
        """
        1. Run:

           ```sh
           aws iam get-policy
           ```
        """;
    assertRendering(
        MATERIAL,
        source,
        """
        1. Run:

            ```sh
            aws iam get-policy
            ```
        """);
    assertRendering(
        PLAIN,
        source,
        """
        1. Run:

                aws iam get-policy
        """);
  }

  @Test
  void codeAtTheTopIsFencedAndLongerFencesProtectBackticks() {
    assertRendering(PLAIN, "````md\n```json\n{}\n```\n````\n", "````md\n```json\n{}\n```\n````\n");
  }

  @Test
  void tablesKeepTheirAlignmentAndEscapeBars() {
    assertRendering(
        PLAIN,
        """
        | Setting | Value |
        |:---|---:|
        | a \\| b | `x\\|y` |
        """,
        """
        | Setting | Value |
        |:---|---:|
        | a \\| b | `x|y` |
        """);
  }

  @Test
  void notesBecomeAdmonitionsAndOrdinaryQuotesStayQuotes() {
    assertRendering(
        PLAIN,
        """
        > **Placeholder:** no cluster was given, so `<your-cluster-id>` stands for it.

        > **Note:**
        > Two lines.

        > Just a quote.
        """,
        """
        !!! warning "Placeholder"
            no cluster was given, so `<your-cluster-id>` stands for it.

        !!! note "Note"
            Two lines.

        > Just a quote.
        """);
  }

  @Test
  void textIsShownAsWrittenRawHtmlIncluded() {
    String out =
        PLAIN.convert("Cluster \\<your-cluster-id\\> & <b>bold</b> 1 * 2 [x] aws_default_role\n");
    assertEquals(
        "Cluster &lt;your-cluster-id&gt; &amp; &lt;b&gt;bold&lt;/b&gt; 1 \\* 2 \\[x\\]"
            + " aws_default_role\n",
        out);
  }

  @Test
  void lineStartMarkersAreEscapedOnlyAtTheStartOfALine() {
    assertEquals("1\\. not a list, 2. fine\n", PLAIN.convert("1\\. not a list, 2. fine\n"));
    assertEquals("\\- not a list - fine\n", PLAIN.convert("\\- not a list - fine\n"));
    assertEquals("\\# not a heading # fine\n", PLAIN.convert("\\# not a heading # fine\n"));
    assertEquals("&#61;== not a tab\n", PLAIN.convert("=== not a tab\n"));
    assertEquals("\\!!! not a note\n", PLAIN.convert("!!! not a note\n"));
    assertEquals("## A \\# B \\#\n", PLAIN.convert("## A # B \\#\n"));
  }

  @Test
  void unsafeLinksBecomeTheirTextAndOthersArePercentEncoded() {
    assertEquals("click\n", PLAIN.convert("[click](javascript:alert(1))\n"));
    assertEquals("x\n", PLAIN.convert("[x](data:text/html,hi)\n"));
    assertEquals(
        "[a](../role/index.md#part-2) [b](https://x.example/a%20b%28c%29)\n",
        PLAIN.convert("[a](../role/index.md#part-2) [b](<https://x.example/a b(c)>)\n"));
    assertEquals("[m](mailto:ops@example.com)\n", PLAIN.convert("[m](mailto:ops@example.com)\n"));
  }

  @Test
  void codeSpansAreLongEnoughForTheBackticksInside() {
    assertEquals("Use ``a`b`` and ``` `` ```\n", PLAIN.convert("Use ``a`b`` and ` `` `\n"));
  }

  @Test
  void tasksAreCheckBoxesWithMaterialAndTextWithout() {
    String source = "- [ ] Back up the cluster\n- [x] Read the runbook\n";
    assertEquals("- [ ] Back up the cluster\n- [x] Read the runbook\n", MATERIAL.convert(source));
    assertEquals(
        "- \\[ \\] Back up the cluster\n- \\[x\\] Read the runbook\n", PLAIN.convert(source));
  }

  @Test
  void consoleAndCliSectionsBecomeTabsWithMaterial() {
    String source =
        """
        ## Create the policy in the console

        1. Open the console.

        ## Or create it with the AWS CLI

        ```sh
        aws iam create-policy
        ```

        ## Check it

        Done.
        """;
    assertRendering(
        MATERIAL,
        source,
        """
        ## Create the policy

        === "Console"

            1. Open the console.

        === "AWS CLI"

            ```sh
            aws iam create-policy
            ```

        ## Check it

        Done.
        """);
    String plain = PLAIN.convert(source);
    assertTrue(plain.contains("## Or create it with the AWS CLI"), plain);
    assertFalse(plain.contains("==="), plain);
  }

  @Test
  void leadParagraphsBecomeTabsAndTextAfterALeadStays() {
    assertRendering(
        MATERIAL,
        """
        ## Part 2

        First this.

        In the console:

        1. Edit the group.

        Or with the AWS CLI. *(New group only)* create the group:

        ```sh
        aws rds create-db-cluster-parameter-group
        ```

        Then reboot.

        ## Check it
        """,
        """
        ## Part 2

        First this.

        === "Console"

            1. Edit the group.

        === "AWS CLI"

            *(New group only)* create the group:

            ```sh
            aws rds create-db-cluster-parameter-group
            ```

            Then reboot.

        ## Check it
        """);
  }

  @Test
  void aFormWithoutAnAlternativeStaysASection() {
    String source = "## Create it in the console\n\nText.\n\nIn the console:\n\n- a\n";
    assertEquals(
        "## Create it in the console\n\nText.\n\nIn the console:\n\n- a\n",
        MATERIAL.convert(source));
  }

  @Test
  void headingFormsKeepTheirQualifierInTheLabel() {
    String out =
        MATERIAL.convert(
            "## Create the role with the AWS CLI (exact)\n\nA.\n\n## Or create it in the"
                + " console\n\nB.\n");
    assertEquals(
        "## Create the role\n\n=== \"AWS CLI (exact)\"\n\n    A.\n\n=== \"Console\"\n\n    B.\n",
        out);
  }

  /** As {@code <@m.forms><@m.form "console">...</@m.form><@m.form "cli">...} writes them. */
  private static final String MARKED =
      """
      ## Create the policy

      <!-- runwright:forms -->

      ### In the console

      1. Open the console.

      ### With the AWS CLI

      ```sh
      aws iam create-policy
      ```

      <!-- runwright:end-forms -->

      ## Check it in the console

      Done.

      ## Or check it with the AWS CLI

      Done too.
      """;

  @Test
  void markedFormsBecomeTabsNamedAfterTheirHeadings() {
    assertRendering(
        MATERIAL,
        MARKED,
        """
        ## Create the policy

        === "Console"

            1. Open the console.

        === "AWS CLI"

            ```sh
            aws iam create-policy
            ```

        ## Check it in the console

        Done.

        ## Or check it with the AWS CLI

        Done too.
        """);
    assertEquals("SSM Automation", FormTabs.tabLabel("With an SSM Automation runbook"));
    assertEquals("Console", FormTabs.tabLabel("In the console"));
    assertEquals("Pulumi program", FormTabs.tabLabel("With a Pulumi program"));
    assertEquals("Terraform", FormTabs.tabLabel("With Terraform"));
  }

  @Test
  void withoutMaterialMarkedFormsStaySectionsAndTheMarkersGo() {
    String out = PLAIN.convert(MARKED);
    assertTrue(out.contains("### In the console\n\n1. Open the console.\n\n### With the AWS CLI"));
    assertFalse(out.contains("runwright:"), out);
    assertFalse(out.contains("&lt;!--"), out);
  }
}
