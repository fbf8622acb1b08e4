package dev.runwright.pack;

import dev.runwright.aws.AwsContext;
import java.util.Map;

/**
 * A named kind of parameter value that a pack manifest refers to ({@code type: aws-account-id}).
 * Generic rules (pattern, enum values, lengths) come from the manifest; the rules a type names here
 * are the ones that need AWS knowledge. Implementations are stateless and thread-safe.
 */
public interface ParamType {

  /** The name used in manifests, such as {@code kms-key}. */
  String id();

  /** What a valid value looks like, for "expected ..." in messages and for help tables. */
  String expected();

  /**
   * Converts the text of one value.
   *
   * @param text the value exactly as written
   * @param aws the runbook's account and Region, or {@code null} when they are not known (then only
   *     the form of the value is checked)
   * @return the value templates see
   * @throws dev.runwright.aws.InvalidValueException when the value breaks the type's rules
   */
  Object convert(String text, AwsContext aws);

  /** Whether {@link #convert} needs the account and Region to build its value. */
  default boolean needsAws() {
    return false;
  }

  /**
   * What the user should know about a valid value, each a phrase that follows the value in a
   * warning (an S3 prefix that is not a folder, say).
   */
  default java.util.List<String> advice(Object value) {
    return java.util.List.of();
  }

  /** The JSON Schema (2020-12) of one value, for {@code runwright schema}. */
  default Map<String, Object> schema() {
    return Map.of("type", "string");
  }
}
