package dev.runwright.kind;

import dev.runwright.config.YamlReader;
import dev.runwright.policy.PolicyJson;
import dev.runwright.policy.PolicyLinter;

/**
 * The parsers and checkers document kinds share, built once per workspace. Thread-safe.
 *
 * @param json parses and writes JSON canonically
 * @param linter checks IAM policies
 * @param yaml the strict YAML reader
 */
public record KindTools(PolicyJson json, PolicyLinter linter, YamlReader yaml) {}
