package dev.runwright.pack;

import java.util.Map;

/** The command-line flag that sets each built-in parameter; any other is set with --set. */
public final class ParameterFlags {
  private ParameterFlags() {}

  private static final Map<String, String> FLAGS =
      Map.of(
          "account", "--account",
          "region", "--region",
          "keys", "--key",
          "policyName", "--policy-name",
          "description", "--description",
          "roleName", "--role-name",
          "clusterId", "--cluster-id",
          "auroraMysqlVersion", "--aurora-mysql-version",
          "access", "--access");

  /** The flag for {@code parameter}: {@code --account}, or {@code --set NAME} for the others. */
  public static String of(String parameter) {
    return FLAGS.getOrDefault(parameter, "--set " + parameter);
  }
}
