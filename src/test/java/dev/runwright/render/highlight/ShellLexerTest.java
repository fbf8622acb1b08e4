package dev.runwright.render.highlight;

import static dev.runwright.render.highlight.Rendering.assertRendering;

import org.junit.jupiter.api.Test;

class ShellLexerTest {
  @Test
  void anAwsCliCommandWithContinuations() {
    assertRendering(
        "sh",
        """
        ⟦function:aws⟧ iam create-role ⟦operator:\\⟧
          ⟦flag:--role-name⟧ RDSLoadFromS3 ⟦flag:--region⟧=us-east-1 ⟦operator:\\⟧
          ⟦flag:--assume-role-policy-document⟧ file://trust-policy.json ⟦flag:-q⟧
        """);
  }

  @Test
  void aContinuationMayEndInCrLf() {
    assertRendering("sh", "⟦function:aws⟧ s3 ls ⟦operator:\\⟧\r\n  ⟦flag:--recursive⟧\r\n");
  }

  @Test
  void commandSubstitutionNestsInsideDoubleQuotes() {
    assertRendering(
        "bash",
        """
        ⟦variable:ROLE_ARN⟧⟦operator:=⟧⟦string:"⟧⟦variable:$(⟧⟦function:aws⟧ iam get-role \
        ⟦flag:--role-name⟧ ⟦string:'RDSLoadFromS3'⟧ ⟦flag:--query⟧ ⟦string:"Role.Arn"⟧\
        ⟦variable:)⟧⟦string:"⟧
        ⟦function:echo⟧ ⟦string:"outer ⟧⟦variable:$(⟧⟦function:echo⟧ ⟦string:"inner \
        ⟧⟦variable:$(⟧⟦function:date⟧⟦variable:)⟧⟦string:"⟧⟦variable:)⟧⟦string: done"⟧
        """);
  }

  @Test
  void quotesEscapesAndTheirNesting() {
    assertRendering(
        "sh",
        """
        ⟦function:echo⟧ ⟦string:"it's \\"quoted\\" \\$HOME"⟧ ⟦string:'single "x" $NOPE'⟧ \
        ⟦string:$'a\\'b'⟧ it\\'s
        ⟦function:printf⟧ ⟦string:'%s\\n'⟧ ⟦string:"unclosed
        to the end⟧""");
  }

  @Test
  void variablesInEveryForm() {
    assertRendering(
        "sh",
        """
        ⟦function:echo⟧ ⟦variable:$AWS_REGION⟧ ⟦variable:${ACCOUNT:-111122223333}⟧ ⟦variable:$1⟧ \
        ⟦variable:$?⟧ ⟦variable:`⟧⟦function:uname⟧ ⟦flag:-s⟧⟦variable:`⟧ cost=$ 5
        """);
  }

  @Test
  void assignmentsBeforeACommandAndAfterExport() {
    assertRendering(
        "sh",
        """
        ⟦variable:AWS_PAGER⟧⟦operator:=⟧ ⟦function:aws⟧ sts get-caller-identity
        ⟦function:export⟧ ⟦variable:AWS_REGION⟧⟦operator:=⟧us-east-1 ⟦variable:B⟧⟦operator:=⟧2
        """);
  }

  @Test
  void commentsStartOnlyAWord() {
    assertRendering(
        "sh",
        """
        ⟦comment:# Roll back⟧
        ⟦function:echo⟧ a#b ⟦string:"# not"⟧ ⟦comment:# but this⟧
        """);
  }

  @Test
  void keywordsAndTheCommandsAfterThem() {
    assertRendering(
        "sh",
        """
        ⟦keyword:if⟧ ⟦function:[⟧ ⟦flag:-n⟧ ⟦string:"⟧⟦variable:$X⟧⟦string:"⟧ ]⟦operator:;⟧ \
        ⟦keyword:then⟧ ⟦function:echo⟧ yes⟦operator:;⟧ ⟦keyword:fi⟧
        ⟦keyword:for⟧ k ⟦keyword:in⟧ a b⟦operator:;⟧ ⟦keyword:do⟧ ⟦function:echo⟧ ⟦variable:$k⟧\
        ⟦operator:;⟧ ⟦keyword:done⟧
        ⟦function:grep⟧ in file
        """);
  }

  @Test
  void pipesListsAndRedirects() {
    assertRendering(
        "sh",
        """
        ⟦function:aws⟧ s3 ls ⟦operator:2>&1⟧ ⟦operator:|⟧ ⟦function:tee⟧ out.log \
        ⟦operator:>⟧/dev/null ⟦operator:&&⟧ ⟦function:echo⟧ ok ⟦operator:||⟧ ⟦function:exit⟧ 1
        ⟦function:jq⟧ ⟦flag:-r⟧ ⟦string:'.Roles[] | .Arn'⟧ ⟦operator:<<<⟧ ⟦string:"⟧⟦variable:$json⟧\
        ⟦string:"⟧
        """);
  }

  @Test
  void hereDocumentsExpandUnlessTheirDelimiterIsQuoted() {
    assertRendering(
        "sh",
        """
        ⟦function:cat⟧ ⟦operator:<<EOF⟧ ⟦operator:>⟧ policy.json
        ⟦string:{"Resource": "⟧⟦variable:$KEY_ARN⟧⟦string:", "Sid": "⟧⟦variable:${SID}⟧⟦string:"}
        ⟧⟦operator:EOF⟧
        ⟦function:cat⟧ ⟦operator:<<-'END'⟧
        ⟦string:\tno $EXPANSION here
        ⟧\t⟦operator:END⟧
        ⟦function:echo⟧ after
        """);
  }

  @Test
  void anUnclosedHereDocumentRunsToTheEnd() {
    assertRendering(
        "sh",
        """
        ⟦function:cat⟧ ⟦operator:<<EOF⟧
        ⟦string:never closed
        ⟧""");
  }
}
