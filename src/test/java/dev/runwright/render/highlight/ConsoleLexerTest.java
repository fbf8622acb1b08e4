package dev.runwright.render.highlight;

import static dev.runwright.render.highlight.Rendering.assertRendering;

import org.junit.jupiter.api.Test;

class ConsoleLexerTest {
  @Test
  void promptLinesAreShellAndTheRestIsOutput() {
    assertRendering(
        "console",
        """
        ⟦operator:$⟧ ⟦function:aws⟧ sts get-caller-identity ⟦operator:\\⟧
            ⟦flag:--query⟧ Account ⟦flag:--output⟧ text
        111122223333
        "$ not a prompt" # nor a comment
        ⟦operator:$⟧ ⟦function:echo⟧ ⟦string:"done"⟧
        done
        """);
  }
}
