package dev.runwright.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DbUserTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "loader@'10.0.%'|loader|10.0.%",
        "'loader'@'%'|loader|%",
        "`load er`@localhost|load er|localhost",
        "\"o'brien\"@'%'|o'brien|%"
      })
  void aUserAndHostAreReadInTheFormsMysqlWrites(String input, String name, String host) {
    DbUser u = DbUser.parse(input);
    assertEquals(name, u.name());
    assertEquals(host, u.host());
    assertEquals(host, u.mysqlHost());
  }

  @Test
  void aNameAloneHasNoHostAndMysqlUsesAnyHost() {
    DbUser u = DbUser.parse("analyst");
    assertNull(u.host());
    assertEquals("%", u.mysqlHost());
  }

  @ParameterizedTest
  @ValueSource(strings = {" loader", "a@b@c", "'unclosed@%", "''@'%'", "lo\u0000ader"})
  void whatIsNotAUserIsRefused(String input) {
    assertThrows(InvalidValueException.class, () -> DbUser.parse(input));
  }
}
