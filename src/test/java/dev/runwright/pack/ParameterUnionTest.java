package dev.runwright.pack;

import static dev.runwright.pack.PackTestSupport.manifest;
import static dev.runwright.pack.PackTestSupport.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameters of a chain of packs together: shared names must agree on type and rules. */
class ParameterUnionTest {

  private static PackManifest pack(String id, String params) {
    return manifest(id, params(id + "/pack.yaml", params));
  }

  private static String error(PackManifest... chain) {
    return assertThrows(PackException.class, () -> ParameterUnion.of(List.of(chain))).getMessage();
  }

  @Test
  void everyPacksParametersInOrderTheFirstDeclarationWinning() {
    Map<String, ParameterSpec> all =
        ParameterUnion.of(
            List.of(
                pack(
                    "a",
                    "account: {type: aws-account-id, help: The account.}\nkeys: {type: kms-key}"),
                pack(
                    "b",
                    "account: {type: aws-account-id, help: Another help.}\nrole: {type: string}")));
    assertEquals(List.of("account", "keys", "role"), List.copyOf(all.keySet()));
    assertEquals("The account.", all.get("account").help());
    assertEquals("a/pack.yaml:1:1", all.get("account").declaredAt().toString());
  }

  @Test
  void aFlagAnotherPackDeclaresIsTaken() {
    Map<String, ParameterSpec> all =
        ParameterUnion.of(
            List.of(
                pack("a", "clusterId: {type: rds-cluster-id, help: First.}"),
                pack("b", "clusterId: {type: rds-cluster-id, flag: --cluster-id, flagLabel: ID}")));
    assertEquals(new ParameterSpec.Flag("--cluster-id", "ID"), all.get("clusterId").flag());
    assertEquals("First.", all.get("clusterId").help(), "the rest stays the first's");
  }

  @Test
  void twoFlagsForOneParameterAreRefusedNamingBoth() {
    assertEquals(
        "b/pack.yaml:1:1: error: parameter clusterId has the flag --db here but --cluster-id at"
            + " a/pack.yaml:1:1",
        error(
            pack("a", "clusterId: {type: string, flag: --cluster-id}"),
            pack("b", "clusterId: {type: string, flag: --db}")));
  }

  @Test
  void anotherTypeIsRefused() {
    assertEquals(
        "b/pack.yaml:2:1: error: parameter n is declared as string here but as integer at"
            + " a/pack.yaml:1:1",
        error(pack("a", "n: {type: integer}"), pack("b", "x: {type: string}\nn: {type: string}")));
    assertEquals(
        "b/pack.yaml:1:1: error: parameter n is declared as string list here but as string at"
            + " a/pack.yaml:1:1",
        error(pack("a", "n: {type: string}"), pack("b", "n: {type: string, list: true}")));
  }

  @Test
  void anotherRuleIsRefusedNamingTheRule() {
    String tail = "; a parameter several packs share must have the same rules in each";
    assertEquals(
        "b/pack.yaml:1:1: error: parameter n has another pattern here than at a/pack.yaml:1:1"
            + tail,
        error(
            pack("a", "n: {type: string, pattern: '[a-z]+'}"),
            pack("b", "n: {type: string, pattern: '[a-z]*'}")));
    assertEquals(
        "b/pack.yaml:1:1: error: parameter n has another range here than at a/pack.yaml:1:1" + tail,
        error(pack("a", "n: {type: integer, max: 3}"), pack("b", "n: {type: integer}")));
    assertEquals(
        "b/pack.yaml:1:1: error: parameter n has another list of values here than at"
            + " a/pack.yaml:1:1"
            + tail,
        error(
            pack("a", "n: {type: enum, values: [x, y]}"),
            pack("b", "n: {type: enum, values: [y, x]}")));
    assertEquals(
        "b/pack.yaml:1:1: error: parameter n has another number of items here than at"
            + " a/pack.yaml:1:1"
            + tail,
        error(
            pack("a", "n: {type: string, list: true, maxItems: 2}"),
            pack("b", "n: {type: string, list: true}")));
    assertEquals(
        "b/pack.yaml:1:1: error: parameter n has another default here than at a/pack.yaml:1:1"
            + tail,
        error(pack("a", "n: {type: integer, default: 3}"), pack("b", "n: {type: integer}")));
  }

  @Test
  void theSameRulesWrittenTwiceAgree() {
    Map<String, ParameterSpec> all =
        ParameterUnion.of(
            List.of(
                pack("a", "n: {type: integer, min: 1, max: 3, default: 2}"),
                pack("b", "n: {type: integer, min: 1, max: 3, default: 2, help: Same.}")));
    assertEquals(2L, all.get("n").defaultJson());
  }
}
