package dev.runwright.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The date a build shows on its pages, from {@code SOURCE_DATE_EPOCH} as the reproducible-builds
 * convention defines it (seconds since 1970, UTC). Without it pages show no date at all, so that
 * building the same input twice gives the same bytes.
 */
public final class BuildDate {
  private BuildDate() {}

  /** The date from the environment, or {@code null} when the variable is unset or not a number. */
  public static String fromEnvironment() {
    return of(System.getenv("SOURCE_DATE_EPOCH"));
  }

  /** {@code YYYY-MM-DD} in UTC for {@code epochSeconds}, or {@code null} when it is not one. */
  public static String of(String epochSeconds) {
    if (epochSeconds == null || !epochSeconds.strip().matches("[0-9]{1,12}")) {
      return null;
    }
    Instant at = Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip()));
    return DateTimeFormatter.ISO_LOCAL_DATE.format(at.atOffset(ZoneOffset.UTC));
  }
}
