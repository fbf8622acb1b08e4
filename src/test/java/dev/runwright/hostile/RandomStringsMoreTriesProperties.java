package dev.runwright.hostile;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RandomStringsProperties}' property, 600 more tries of it in a class of its own so that the
 * two test JVMs run them side by side.
 */
class RandomStringsMoreTriesProperties {
  @Property(tries = 600)
  void randomStringsInEveryFieldAreRefusedByFieldOrRenderedSafely(@ForAll("anyInput") Input in) {
    RandomStringsProperties.check(in);
  }

  @Provide
  Arbitrary<Input> anyInput() {
    return Generators.anyInput();
  }
}
