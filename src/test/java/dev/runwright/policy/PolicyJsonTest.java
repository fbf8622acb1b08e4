package dev.runwright.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runwright.config.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyJsonTest {
  private static final PolicyJson JSON = new PolicyJson(new dev.runwright.config.YamlReader());

  /** The policy on the AWS seed page, trailing comma included. */
  static final String SEED_POLICY =
      """
      {
          "Version": "2012-10-17",
          "Statement": [
              {
                  "Effect": "Allow",
                  "Action": [
                      "kms:Decrypt",
                  ],
                  "Resource": "arn:aws:kms:<region>:<123456789012>:key/<key-ID>"
              }
          ]
      }
      """;

  private static String canonical(String json) throws PolicyJson.InvalidJson {
    return JSON.writePolicy(JSON.parse(json));
  }

  @Test
  void writesPolicyElementsInIamOrderWithTwoSpaceIndentAndOneItemPerLine() throws Exception {
    String messy =
        """
        {"Statement":[{"Condition":{"StringEquals":{"kms:ViaService":"rds.us-east-1.amazonaws.com",
        "aws:SourceAccount":["111122223333"]}},"Resource":["arn:aws:kms:us-east-1:111122223333:key/a",
        "arn:aws:kms:us-east-1:111122223333:key/b"],"NotResource":[],"NotAction":"kms:Encrypt",
        "Action":["kms:Decrypt","kms:GenerateDataKey"],"NotPrincipal":{"AWS":"x"},
        "Principal":{"Service":"rds.amazonaws.com","AWS":["b","a"]},"Effect":"Allow","Sid":"Kms"}],
        "Id":"policy-1","Version":"2012-10-17"}
        """;
    assertEquals(
        """
        {
          "Version": "2012-10-17",
          "Id": "policy-1",
          "Statement": [
            {
              "Sid": "Kms",
              "Effect": "Allow",
              "Principal": {
                "AWS": [
                  "b",
                  "a"
                ],
                "Service": "rds.amazonaws.com"
              },
              "NotPrincipal": {
                "AWS": "x"
              },
              "Action": [
                "kms:Decrypt",
                "kms:GenerateDataKey"
              ],
              "NotAction": "kms:Encrypt",
              "Resource": [
                "arn:aws:kms:us-east-1:111122223333:key/a",
                "arn:aws:kms:us-east-1:111122223333:key/b"
              ],
              "NotResource": [],
              "Condition": {
                "StringEquals": {
                  "aws:SourceAccount": [
                    "111122223333"
                  ],
                  "kms:ViaService": "rds.us-east-1.amazonaws.com"
                }
              }
            }
          ]
        }
        """,
        canonical(messy));
  }

  @Test
  void aSingleStatementObjectIsOrderedToo() throws Exception {
    assertEquals(
        """
        {
          "Version": "2012-10-17",
          "Statement": {
            "Effect": "Allow",
            "Action": "kms:Decrypt",
            "Resource": "*"
          }
        }
        """,
        canonical(
            "{\"Statement\":{\"Resource\":\"*\",\"Action\":\"kms:Decrypt\",\"Effect\":\"Allow\"},"
                + "\"Version\":\"2012-10-17\"}"));
  }

  @Test
  void otherKeysFollowTheKnownOnesSorted() throws Exception {
    assertEquals(
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Deny",
              "Beta": true,
              "alpha": null,
              "zeta": 1
            }
          ],
          "Extra": 2,
          "Zzz": {
            "a": 1,
            "b": 2
          }
        }
        """,
        canonical(
            "{\"Zzz\":{\"b\":2,\"a\":1},\"Extra\":2,\"Statement\":[{\"zeta\":1,\"alpha\":null,"
                + "\"Beta\":true,\"Effect\":\"Deny\"}],\"Version\":\"2012-10-17\"}"));
  }

  @Test
  void writePlainKeepsTheKeyOrder() throws Exception {
    assertEquals(
        """
        {
          "Statement": [],
          "Version": "2012-10-17",
          "b": {
            "z": 1,
            "a": {}
          }
        }
        """,
        JSON.writePlain(
            JSON.parse("{\"Statement\":[],\"Version\":\"2012-10-17\",\"b\":{\"z\":1,\"a\":{}}}")));
  }

  @Test
  void stringsAreEscapedAsJson() throws Exception {
    String out = canonical("{\"Version\":\"a\\\"b\\\\c\\u0001\\n\\u00e9\"}");
    assertEquals("{\n  \"Version\": \"a\\\"b\\\\c\\u0001\\n\u00e9\"\n}\n", out);
  }

  @Test
  void numbersAndLiteralsAreKept() throws Exception {
    String out = JSON.writePlain(JSON.parse("[1, -2, 3.25, 12345678901234567890, true, null]"));
    assertEquals("[\n  1,\n  -2,\n  3.25,\n  12345678901234567890,\n  true,\n  null\n]\n", out);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
        "{\"Statement\":{\"Sid\":\"A\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false}}}}",
        "{\"x\":[[1,[2,[]]],{\"y\":{}}],\"n\":1.5E+3,\"s\":\"\\u2028\\ud83d\\ude00\"}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\"],"
            + "\"Resource\":\"arn:aws:kms:us-east-1:111122223333:key/x\"}]}"
      })
  void writingTheParseOfTheOutputGivesTheSameBytes(String json) throws Exception {
    String once = canonical(json);
    assertEquals(once, canonical(once));
    String plain = JSON.writePlain(JSON.parse(json));
    assertEquals(plain, JSON.writePlain(JSON.parse(plain)));
    assertTrue(once.endsWith("\n") && !once.endsWith("\n\n"));
    assertFalse(once.contains("\r") || once.contains("\t"));
  }

  @Test
  void emptyContainersStayOnOneLine() throws Exception {
    assertEquals("{}\n", canonical("{ }"));
    assertEquals("{\n  \"Statement\": []\n}\n", canonical("{\"Statement\":[ ]}"));
  }

  @Test
  void theSeedPagesPolicyFailsOnItsTrailingComma() {
    PolicyJson.InvalidJson e =
        assertThrows(PolicyJson.InvalidJson.class, () -> JSON.parse(SEED_POLICY));
    assertEquals(7, e.line());
    assertEquals(30, e.column()); // the comma after "kms:Decrypt"
    assertTrue(e.getMessage().startsWith("a trailing comma;"), e.getMessage());
  }

  @Test
  void aTrailingCommaInAnObjectFails() {
    PolicyJson.InvalidJson e =
        assertThrows(
            PolicyJson.InvalidJson.class, () -> JSON.parse("{\"Version\": \"2012-10-17\",\n}"));
    assertEquals(1, e.line(), "the comma's line");
    assertEquals(25, e.column());
  }

  @Test
  void duplicateKeysFail() {
    PolicyJson.InvalidJson e =
        assertThrows(
            PolicyJson.InvalidJson.class,
            () ->
                JSON.parse(
                    "{\"Statement\": {\n  \"Effect\": \"Allow\",\n  \"Effect\": \"Deny\"\n}}"));
    assertEquals(
        "duplicate key \"Effect\" (first at line 2); each key may appear once", e.getMessage());
    assertEquals(3, e.line());
  }

  @Test
  void contentAfterTheValueFails() {
    PolicyJson.InvalidJson e =
        assertThrows(PolicyJson.InvalidJson.class, () -> JSON.parse("{} {}"));
    assertEquals(1, e.line());
    assertEquals("has content after the end of the JSON value", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"a\" 1}", "{'a': 1}", "{a: 1}", "[1 2]", "// c\n{}", "{} x"})
  void malformedJsonFails(String text) {
    assertThrows(PolicyJson.InvalidJson.class, () -> JSON.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \n"})
  void emptyTextFails(String text) {
    assertThrows(PolicyJson.InvalidJson.class, () -> JSON.parse(text));
  }

  @Test
  void parseGivesATree() throws Exception {
    Node n = JSON.parse("{\"Statement\":[{\"Effect\":\"Allow\"}]}");
    Node statement = ((Node.Sequence) ((Node.Mapping) n).get("Statement")).items().get(0);
    assertEquals("Allow", ((Node.Scalar) ((Node.Mapping) statement).get("Effect")).text());
  }
}
