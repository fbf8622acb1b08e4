package dev.runwright.render.highlight;

import static dev.runwright.render.highlight.Rendering.assertRendering;

import org.junit.jupiter.api.Test;

class JsonLexerTest {
  @Test
  void anIamPolicy() {
    assertRendering(
        "json",
        """
        ⟦operator:{⟧
          ⟦key:"Version"⟧⟦operator::⟧ ⟦string:"2012-10-17"⟧⟦operator:,⟧
          ⟦key:"Statement"⟧⟦operator::⟧ ⟦operator:[{⟧
            ⟦key:"Effect"⟧⟦operator::⟧ ⟦string:"Allow"⟧⟦operator:,⟧
            ⟦key:"Action"⟧⟦operator::⟧ ⟦operator:[⟧⟦string:"kms:Decrypt"⟧⟦operator:]⟧
          ⟦operator:}]⟧
        ⟦operator:}⟧
        """);
  }

  @Test
  void escapesUnicodeAndCharactersOutsideTheBasicPlane() {
    assertRendering(
        "json",
        """
        ⟦operator:{⟧⟦key:"S\\u0069d"⟧⟦operator::⟧ ⟦string:"\\"quoted\\" \\u00e9 \\\\"⟧\
        ⟦operator:,⟧ ⟦key:"😀"⟧⟦operator::⟧ ⟦string:"𝄞 after"⟧⟦operator:,⟧ ⟦key:"n"⟧\
        ⟦operator::⟧ ⟦number:-1.5e3⟧⟦operator:}⟧""");
  }

  @Test
  void literalsCommentsAndATrailingComma() {
    assertRendering(
        "json",
        """
        ⟦operator:[⟧⟦literal:true⟧⟦operator:,⟧ ⟦literal:false⟧⟦operator:,⟧ ⟦literal:null⟧\
        ⟦operator:,⟧ ⟦number:0⟧⟦operator:,⟧ ⟦comment:// why⟧
         ⟦comment:/* more */⟧ ⟦number:12⟧⟦operator:,⟧ ⟦comment:# yaml-style⟧
        ⟦operator:]⟧""");
  }

  @Test
  void afterAnErrorTheRestIsPlain() {
    assertRendering(
        "json",
        """
        ⟦operator:{⟧⟦key:"a"⟧⟦operator::⟧ ⟦number:1⟧, "b": <key-arn>, "c": 2}""");
  }
}
