package dev.runwright.render.highlight;

import static dev.runwright.render.highlight.Rendering.assertRendering;

import org.junit.jupiter.api.Test;

class YamlLexerTest {
  @Test
  void aCloudFormationTemplateWithTags() {
    assertRendering(
        "yaml",
        """
        ⟦comment:# CloudFormation⟧
        ⟦key:AWSTemplateFormatVersion⟧⟦operator::⟧ ⟦string:"2010-09-09"⟧
        ⟦key:Resources⟧⟦operator::⟧
          ⟦key:Role⟧⟦operator::⟧
            ⟦key:Type⟧⟦operator::⟧ ⟦string:AWS::IAM::Role⟧
            ⟦key:Properties⟧⟦operator::⟧
              ⟦key:RoleName⟧⟦operator::⟧ ⟦function:!Sub⟧ ⟦string:'rds-${AWS::Region}'⟧
              ⟦key:Arn⟧⟦operator::⟧ ⟦function:!GetAtt⟧ ⟦string:Role.Arn⟧  ⟦comment:# inline⟧
              ⟦key:Enabled⟧⟦operator::⟧ ⟦literal:true⟧
              ⟦key:Count⟧⟦operator::⟧ ⟦number:3⟧
              ⟦key:Empty⟧⟦operator::⟧ ⟦literal:~⟧
        """);
  }

  @Test
  void blockScalarsAreOneString() {
    assertRendering(
        "yml",
        """
        ⟦key:Script⟧⟦operator::⟧ ⟦string:|
          echo "hello" # not a comment
          exit 0
        ⟧⟦key:Folded⟧⟦operator::⟧ ⟦string:>-
          one
          two
        ⟧⟦key:next⟧⟦operator::⟧ ⟦string:'it''s'⟧
        """);
  }

  @Test
  void anSsmAutomationDocument() {
    assertRendering(
        "yaml",
        """
        ⟦key:schemaVersion⟧⟦operator::⟧ ⟦string:'0.3'⟧
        ⟦key:mainSteps⟧⟦operator::⟧
          ⟦operator:-⟧ ⟦key:name⟧⟦operator::⟧ ⟦string:step1⟧
            ⟦key:action⟧⟦operator::⟧ ⟦string:aws:executeScript⟧
            ⟦key:inputs⟧⟦operator::⟧
              ⟦key:Role⟧⟦operator::⟧ ⟦string:'{{ AutomationAssumeRole }}'⟧
        """);
  }

  @Test
  void flowCollectionsAnchorsAndDocuments() {
    assertRendering(
        "yaml",
        """
        ⟦key:list⟧⟦operator::⟧ ⟦operator:[⟧⟦string:a⟧⟦operator:,⟧ ⟦string:"b"⟧⟦operator:,⟧ \
        ⟦number:1.5⟧⟦operator:]⟧
        ⟦key:base⟧⟦operator::⟧ ⟦variable:&base⟧ ⟦operator:{⟧⟦key:x⟧⟦operator::⟧ ⟦number:1⟧\
        ⟦operator:}⟧
        ⟦key:ref⟧⟦operator::⟧ ⟦variable:*base⟧
        ⟦operator:---⟧
        ⟦key:😀 key⟧⟦operator::⟧ ⟦string:after 𝄞⟧
        """);
  }

  @Test
  void afterAnErrorTheRestIsPlain() {
    assertRendering(
        "yaml",
        """
        ⟦key:a⟧⟦operator::⟧ ⟦number:1⟧
        ⟦key:b⟧⟦operator::⟧ "unclosed
        c: 2
        """);
  }
}
