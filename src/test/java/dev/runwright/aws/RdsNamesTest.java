package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RdsNamesTest {
  private static final String EXPECTED =
      "1 to 63 lower-case letters, digits or hyphens, starting with a letter, with no two hyphens"
          + " in a row and no hyphen at the end";

  @ParameterizedTest
  @ValueSource(strings = {"a", "payments-prod", "db1", "a-b-c-1", "x0"})
  void validClusterIds(String id) {
    RdsNames.checkClusterId(id);
  }

  @Test
  void sixtyThreeCharactersIsTheMost() {
    RdsNames.checkClusterId("a".repeat(63));
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> RdsNames.checkClusterId("a".repeat(64)));
    assertEquals("is 64 characters long", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @Test
  void emptyIsRefused() {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> RdsNames.checkClusterId(""));
    assertEquals("is empty", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1db", "-db", "db-", "db--prod", "db_prod", "db.prod", "db prod", "d\u00e9", "a-"})
  void invalidClusterIds(String id) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> RdsNames.checkClusterId(id));
    assertEquals("is not a DB cluster identifier", e.getMessage());
    assertEquals(EXPECTED, e.expected());
  }

  @ParameterizedTest
  @CsvSource({"Payments-Prod, payments-prod", "DB1, db1", "aB, ab"})
  void upperCaseIsRefusedWithTheLowerCaseId(String id, String lower) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> RdsNames.checkClusterId(id));
    assertEquals(
        "has upper-case letters; RDS stores cluster identifiers in lower case", e.getMessage());
    assertEquals("\"" + lower + "\"", e.expected());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Payments--Prod", "Db-", "1DB"})
  void upperCaseThatWouldStillBeInvalidGetsTheGeneralMessage(String id) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> RdsNames.checkClusterId(id));
    assertEquals("is not a DB cluster identifier", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "payments-prod-s3-access", "default-aurora-mysql8-0"})
  void validParameterGroupNames(String name) {
    RdsNames.checkParameterGroupName(name);
  }

  @Test
  void aParameterGroupNameHasAtMost255Characters() {
    RdsNames.checkParameterGroupName("a".repeat(255));
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class, () -> RdsNames.checkParameterGroupName("a".repeat(256)));
    assertEquals("is 256 characters long", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1pg", "pg-", "pg--s3", "pg_s3", "pg.s3"})
  void invalidParameterGroupNamesSayWhatIsExpectedInWords(String name) {
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> RdsNames.checkParameterGroupName(name));
    assertEquals(
        "1 to 255 lower-case letters, digits or hyphens, starting with a letter, with no two"
            + " hyphens in a row and no hyphen at the end",
        e.expected());
  }

  @Test
  void anUpperCaseParameterGroupNameIsRefusedWithItsLowerCaseForm() {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class, () -> RdsNames.checkParameterGroupName("Payments-S3"));
    assertEquals(
        "has upper-case letters; RDS stores parameter group names in lower case", e.getMessage());
    assertEquals("\"payments-s3\"", e.expected());
  }
}
