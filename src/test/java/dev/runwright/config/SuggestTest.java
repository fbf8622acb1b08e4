package dev.runwright.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SuggestTest {
  private static final List<String> KEYS =
      List.of("account", "region", "keys", "policyName", "description", "clusterId", "roleName");

  @ParameterizedTest
  @CsvSource({
    "acount, account",
    "accuont, account",
    "regoin, region",
    "Region, region",
    "REGION, region",
    "key, keys",
    "policy_name, policyName",
    "policy-name, policyName",
    "POLICY_NAME, policyName",
    "descripton, description",
    "clusterID, clusterId"
  })
  void suggestsTheNearestName(String typed, String expected) {
    assertEquals(Optional.of(expected), Suggest.nearest(typed, KEYS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vpc", "securityGroups", "zzzzzzz", "arn", "cluster_identifier"})
  void suggestsNothingWhenNothingIsClose(String typed) {
    assertEquals(Optional.empty(), Suggest.nearest(typed, KEYS));
  }

  @Test
  void theAllowedDistanceGrowsWithTheLength() {
    // Up to 4 characters: one edit.
    assertEquals(Optional.of("keys"), Suggest.nearest("keyz", List.of("keys")));
    assertEquals(Optional.empty(), Suggest.nearest("kexx", List.of("keys")));
    assertEquals(Optional.empty(), Suggest.nearest("zz", List.of("id")));
    // 5 to 8 characters: two edits.
    assertEquals(Optional.of("region"), Suggest.nearest("rgeoin", List.of("region")));
    assertEquals(Optional.empty(), Suggest.nearest("rxgxoin", List.of("region")));
    // 9 characters: up to 3 edits.
    assertEquals(Optional.of("abcdefghi"), Suggest.nearest("abcdefxyz", List.of("abcdefghi")));
    assertEquals(Optional.empty(), Suggest.nearest("abcdewxyz", List.of("abcdefghi")));
  }

  @Test
  void aNameCutShortSuggestsTheFullName() {
    assertEquals(
        Optional.of("s3-bucket-name"),
        Suggest.nearest("s3-bucket", List.of("iam-role-name", "s3-bucket-name")));
    assertEquals(Optional.of("description"), Suggest.nearest("desc", KEYS));
    assertEquals(Optional.of("templates"), Suggest.nearest("TEMP", List.of("title", "templates")));
    // Three characters are too few to guess from.
    assertEquals(Optional.empty(), Suggest.nearest("des", KEYS));
  }

  @Test
  void theFirstOfEquallyNearCandidatesWins() {
    assertEquals(Optional.of("cat"), Suggest.nearest("bat", List.of("cat", "hat")));
    assertEquals(Optional.of("hat"), Suggest.nearest("bat", List.of("hat", "cat")));
  }

  @Test
  void noCandidatesNoSuggestion() {
    assertEquals(Optional.empty(), Suggest.nearest("account", List.of()));
  }

  @Test
  void hintIsAClauseOrNothing() {
    assertEquals("; did you mean account?", Suggest.hint("acount", KEYS));
    assertEquals("", Suggest.hint("vpc", KEYS));
  }

  @ParameterizedTest
  @CsvSource({
    "'', '', 0",
    "abc, '', 3",
    "abc, abc, 0",
    "kitten, sitting, 3",
    "ca, ac, 1",
    "abcd, acbd, 1",
    "ca, abc, 3"
  })
  void distanceIsOptimalStringAlignment(String a, String b, int d) {
    assertEquals(d, Suggest.distance(a, b));
    assertEquals(d, Suggest.distance(b, a));
  }
}
