package dev.runwright.render.highlight;

import static dev.runwright.render.highlight.Rendering.assertRendering;

import org.junit.jupiter.api.Test;

class HclLexerTest {
  @Test
  void blocksLabelsAndAttributes() {
    assertRendering(
        "terraform",
        """
        ⟦comment:# The role Aurora assumes⟧
        ⟦keyword:resource⟧ ⟦string:"aws_iam_role"⟧ ⟦string:"rds_s3"⟧ ⟦operator:{⟧
          ⟦key:name⟧  ⟦operator:=⟧ ⟦string:"RDSLoadFromS3"⟧
          ⟦key:count⟧ ⟦operator:=⟧ ⟦variable:var.enabled⟧ ⟦operator:?⟧ ⟦number:1⟧ \
        ⟦operator::⟧ ⟦number:0⟧
          ⟦keyword:lifecycle⟧ ⟦operator:{⟧
            ⟦key:prevent_destroy⟧ ⟦operator:=⟧ ⟦literal:true⟧
          ⟦operator:}⟧
        ⟦operator:}⟧
        """);
  }

  @Test
  void interpolationAndItsEscapes() {
    assertRendering(
        "hcl",
        """
        ⟦key:a⟧ ⟦operator:=⟧ ⟦string:"arn:⟧⟦variable:${data.aws_partition.current.partition}⟧\
        ⟦string::kms:*"⟧
        ⟦key:b⟧ ⟦operator:=⟧ ⟦string:"$${literal} %%{ literal } \\"quoted\\" 100% $5"⟧
        ⟦key:c⟧ ⟦operator:=⟧ ⟦string:"⟧⟦variable:${⟧⟦function:lookup⟧⟦operator:(⟧\
        ⟦variable:var.m⟧⟦operator:,⟧ ⟦string:"key"⟧⟦operator:,⟧ ⟦string:"}"⟧⟦operator:)⟧\
        ⟦variable:}⟧⟦string:"⟧
        ⟦key:d⟧ ⟦operator:=⟧ ⟦string:"⟧⟦variable:%{⟧ ⟦keyword:if⟧ ⟦variable:var.on⟧ \
        ⟦variable:}⟧⟦string:on⟧⟦variable:%{⟧ ⟦keyword:endif⟧ ⟦variable:}⟧⟦string:"⟧
        """);
  }

  @Test
  void heredocsWithInterpolation() {
    assertRendering(
        "tf",
        """
        ⟦key:policy⟧ ⟦operator:=⟧ ⟦operator:<<-EOT⟧
        ⟦string:    {"Resource": "⟧⟦variable:${⟧aws_kms_key⟦operator:.⟧this⟦operator:.⟧arn\
        ⟦variable:}⟧⟦string:"}
            $${not_interpolated}
            EOT is not alone here
        ⟧  ⟦operator:EOT⟧
        ⟦key:next⟧ ⟦operator:=⟧ ⟦number:1⟧
        """);
  }

  @Test
  void forExpressionsAndFunctions() {
    assertRendering(
        "hcl",
        """
        ⟦key:tags⟧ ⟦operator:=⟧ ⟦operator:{⟧ ⟦keyword:for⟧ k⟦operator:,⟧ v ⟦keyword:in⟧ \
        ⟦variable:var.tags⟧ ⟦operator::⟧ k ⟦operator:=>⟧ ⟦function:upper⟧⟦operator:(⟧v\
        ⟦operator:)⟧ ⟦keyword:if⟧ v ⟦operator:!=⟧ ⟦literal:null⟧ ⟦operator:}⟧
        ⟦key:for_each⟧ ⟦operator:=⟧ ⟦function:toset⟧⟦operator:(⟧⟦variable:each.value⟧\
        ⟦operator:)⟧
        """);
  }

  @Test
  void commentsOfEachKindAndAnUnclosedString() {
    assertRendering(
        "hcl",
        """
        ⟦comment:// line⟧
        ⟦comment:/* block */⟧ ⟦key:n⟧ ⟦operator:=⟧ ⟦number:1.5e2⟧ ⟦comment:# hash⟧
        ⟦key:s⟧ ⟦operator:=⟧ ⟦string:"unclosed⟧
        ⟦key:t⟧ ⟦operator:=⟧ ⟦number:2⟧
        """);
  }
}
