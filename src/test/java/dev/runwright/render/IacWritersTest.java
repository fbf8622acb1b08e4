package dev.runwright.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IacWritersTest {
  private static final String POLICY =
      """
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject",
       "s3:ListBucket"], "Resource": "arn:aws:s3:::b/${aws:username}/*",
       "Condition": {"Null": {"aws:SourceAccount": "false"}, "NumericLessThan": {"n": 3}}}]}
      """;

  @Test
  void hclIsLaidOutAsTerraformFmtDoesWithInterpolationEscaped() {
    assertEquals(
        """
        {
          Version = "2012-10-17"
          Statement = [
            {
              Effect   = "Allow"
              Action   = ["s3:GetObject", "s3:ListBucket"]
              Resource = "arn:aws:s3:::b/$${aws:username}/*"
              Condition = {
                Null = {
                  "aws:SourceAccount" = "false"
                }
                NumericLessThan = {
                  n = 3
                }
              }
            },
          ]
        }""",
        HclWriter.expression(JsonTree.parse(POLICY), 0));
  }

  @Test
  void yamlQuotesEveryStringAndKeysYamlWouldMisread() {
    // One level in from a key at column 0; Null and n would be a null and a boolean unquoted.
    assertEquals(
        String.join(
            "\n",
            "",
            "  Version: \"2012-10-17\"",
            "  Statement:",
            "    - Effect: \"Allow\"",
            "      Action:",
            "        - \"s3:GetObject\"",
            "        - \"s3:ListBucket\"",
            "      Resource: \"arn:aws:s3:::b/${aws:username}/*\"",
            "      Condition:",
            "        \"Null\":",
            "          \"aws:SourceAccount\": \"false\"",
            "        NumericLessThan:",
            "          \"n\": 3"),
        YamlWriter.value(JsonTree.parse(POLICY), 0));
  }

  @Test
  void aYamlStringEscapesWhatYamlCannotHoldAndReadsBackAsWritten() throws Exception {
    String text = "a\u007fb\u0099c\ufffe\u0085\u2028\"\\";
    String scalar = Escape.yamlString(text);
    assertEquals("\"a\\u007Fb\\u0099c\\uFFFE\\N\\L\\\"\\\\\"", scalar);
    dev.runwright.config.Node read =
        new dev.runwright.config.YamlReader(1 << 20).parse("v: " + scalar + "\n", "t.yaml");
    assertEquals(
        text,
        ((dev.runwright.config.Node.Scalar) ((dev.runwright.config.Node.Mapping) read).get("v"))
            .text());
  }

  @Test
  void compactJsonIsOneLineWithNoSpaces() {
    assertEquals(
        "{\"a\":[1,true,null,\"x\\\"y\"],\"b\":{}}",
        JsonCompact.of(JsonTree.parse("{ \"a\": [1, true, null, \"x\\\"y\"], \"b\": {} }")));
  }
}
