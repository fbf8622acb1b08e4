package dev.runwright.policy;

import dev.runwright.config.Position;

/**
 * One result of checking a policy, shaped like IAM Access Analyzer's policy checks.
 *
 * @param type how serious it is
 * @param code a stable code such as {@code UNKNOWN_ACTION}
 * @param message what is wrong and what to do
 * @param path the JSON path of the value, such as {@code $.Statement[0].Action[1]}
 * @param at the file, line and column of the value
 */
public record Finding(Type type, String code, String message, String path, Position at) {

  /** Access Analyzer's finding types, most serious first. */
  public enum Type {
    ERROR,
    SECURITY_WARNING,
    WARNING,
    SUGGESTION
  }

  /** Whether this finding stops Runwright from writing a policy. */
  public boolean blocksGeneration() {
    return type == Type.ERROR || type == Type.SECURITY_WARNING;
  }

  @Override
  public String toString() {
    return at + ": " + type + " " + code + " at " + path + ": " + message;
  }
}
