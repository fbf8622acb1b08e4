package dev.runwright.hostile;

import java.util.List;

/** An account, a Region and keys, each valid or not. */
record AwsCase(Case account, Case region, List<KeyCase> keys) {
  Input input() {
    return new Input(
        account.text(),
        region.text(),
        keys.stream().map(KeyCase::text).toList(),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A value, and whether Runwright must accept it. */
  record Case(String text, boolean valid) {}

  /** A key, whether it is valid, and whether only its partition is wrong for the Region. */
  record KeyCase(String text, boolean valid, boolean wrongPartition) {}
}
