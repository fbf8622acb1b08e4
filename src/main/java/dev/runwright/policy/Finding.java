package dev.runwright.policy;

import dev.runwright.config.Position;

/**
 * One result of checking a policy, shaped like IAM Access Analyzer's policy checks.
 *
 * @param findingCode what was found; it decides the type and whether {@code generate} stops
 * @param message what is wrong and what to do
 * @param path the JSON path of the value, such as {@code $.Statement[0].Action[1]}
 * @param at the file, line and column of the value
 */
public record Finding(FindingCode findingCode, String message, String path, Position at) {

  /** Access Analyzer's finding types, most serious first. */
  public enum Type {
    ERROR,
    SECURITY_WARNING,
    WARNING,
    SUGGESTION
  }

  /** How serious it is. */
  public Type type() {
    return findingCode.type();
  }

  /** The stable code users see, such as {@code UNKNOWN_ACTION}. */
  public String code() {
    return findingCode.id();
  }

  /** Whether this finding stops Runwright from writing a policy. */
  public boolean blocksGeneration() {
    return findingCode.blocksGeneration();
  }

  @Override
  public String toString() {
    return at + ": " + type() + " " + code() + " at " + path + ": " + message;
  }
}
