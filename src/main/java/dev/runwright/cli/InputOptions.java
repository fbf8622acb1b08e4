package dev.runwright.cli;

import dev.runwright.config.Node;
import dev.runwright.config.Position;
import dev.runwright.config.YamlReader;
import dev.runwright.core.Runwright;
import dev.runwright.pack.ParameterFlags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The input of one runbook: a YAML file and flags that override it. */
final class InputOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "YAML file: one runbook, or an inventory (then choose an entry with --id); - reads"
              + " standard input.")
  Path config;

  @Option(names = "--id", paramLabel = "ID", description = "The inventory entry to use.")
  String id;

  @Option(
      names = "--pack",
      paramLabel = "ID",
      description = "The pack (runbook kind); default kms-policy. See: runwright packs.")
  String pack;

  @Option(names = "--account", paramLabel = "ID", description = "12-digit AWS account ID.")
  String account;

  @Option(names = "--region", paramLabel = "CODE", description = "AWS Region code, e.g. us-east-1.")
  String region;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      description =
          "KMS key ID, multi-Region key ID (mrk-...) or key ARN; repeat for several keys. Replaces"
              + " the YAML's keys.")
  List<String> keys;

  @Option(names = "--policy-name", paramLabel = "NAME", description = "IAM policy name.")
  String policyName;

  @Option(names = "--description", paramLabel = "TEXT", description = "IAM policy description.")
  String description;

  @Option(names = "--role-name", paramLabel = "NAME", description = "IAM role name (step 2).")
  String roleName;

  @Option(
      names = "--cluster-id",
      paramLabel = "ID",
      description = "Aurora DB cluster identifier (steps 2 and 3).")
  String clusterId;

  @Option(
      names = "--aurora-mysql-version",
      paramLabel = "N",
      description = "Aurora MySQL major version, 2 or 3; decides the cluster parameter.")
  String auroraMysqlVersion;

  @Option(
      names = "--access",
      paramLabel = "KIND",
      split = ",",
      description =
          "load (LOAD DATA FROM S3: kms:Decrypt), save (SELECT INTO OUTFILE S3: adds"
              + " kms:GenerateDataKey), or load,save.")
  List<String> access;

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description = "Set any parameter of the pack; repeat a name to give a list.")
  List<String> sets;

  @Option(
      names = {"-t", "--templates"},
      paramLabel = "DIR",
      converter = TemplateFolder.class,
      description =
          "Folder of templates searched before the built-ins; a file there overrides the built-in"
              + " file of the same name. Repeatable.")
  List<Path> templates;

  @Option(
      names = "--no-follow-ups",
      description = "Only the pack's own runbook: no role/, associate/ or procedure overview.")
  boolean noFollowUps;

  @Option(
      names = "--max-input-bytes",
      paramLabel = "N",
      converter = ByteCount.class,
      defaultValue = "10485760",
      description = "Refuse input files larger than this (default: ${DEFAULT-VALUE}, 10 MiB).")
  long maxInputBytes;

  /** The flags, as positioned values by parameter name. */
  Map<String, Node> flags() {
    Map<String, Node> out = new LinkedHashMap<>();
    put(out, "account", ParameterFlags.of("account"), account);
    put(out, "region", ParameterFlags.of("region"), region);
    putList(out, "keys", ParameterFlags.of("keys"), keys);
    put(out, "policyName", ParameterFlags.of("policyName"), policyName);
    put(out, "description", ParameterFlags.of("description"), description);
    put(out, "roleName", ParameterFlags.of("roleName"), roleName);
    put(out, "clusterId", ParameterFlags.of("clusterId"), clusterId);
    put(out, "auroraMysqlVersion", ParameterFlags.of("auroraMysqlVersion"), auroraMysqlVersion);
    putList(out, "access", ParameterFlags.of("access"), access);
    if (sets != null) {
      Map<String, List<String>> byName = new LinkedHashMap<>();
      for (String s : sets) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
          throw new ParameterException(
              spec.commandLine(), "--set needs NAME=VALUE, not '" + s + "'");
        }
        byName.computeIfAbsent(s.substring(0, eq), k -> new ArrayList<>()).add(s.substring(eq + 1));
      }
      byName.forEach(
          (name, values) -> {
            Node given = out.get(name);
            if (given != null) {
              throw new ParameterException(
                  spec.commandLine(),
                  "--set "
                      + name
                      + " and "
                      + given.pos().source()
                      + " both set "
                      + name
                      + "; give it once");
            }
            if (values.size() == 1) {
              put(out, name, "--set " + name, values.get(0));
            } else {
              putList(out, name, "--set " + name, values);
            }
          });
    }
    return out;
  }

  /** What generate, check and validate ask the core for, writing to (or comparing with) out. */
  Runwright.GenerateRequest request(Path out, String outName) {
    return new Runwright.GenerateRequest(
        config,
        config == null ? null : YamlReader.shown(config, config.toString()),
        id,
        flags(),
        pack,
        templateDirs(),
        out,
        outName,
        maxInputBytes(),
        !noFollowUps);
  }

  List<Path> templateDirs() {
    return templates == null ? List.of() : templates;
  }

  long maxInputBytes() {
    return maxInputBytes > 0 ? maxInputBytes : YamlReader.DEFAULT_MAX_BYTES;
  }

  private static void put(Map<String, Node> out, String name, String flag, String value) {
    if (value != null) {
      out.put(name, new Node.Scalar(value, Node.Style.QUOTED, Position.flag(flag)));
    }
  }

  private static void putList(Map<String, Node> out, String name, String flag, List<String> vs) {
    if (vs != null) {
      List<Node> items = new ArrayList<>();
      for (String v : vs) {
        items.add(new Node.Scalar(v, Node.Style.QUOTED, Position.flag(flag)));
      }
      out.put(name, new Node.Sequence(items, Position.flag(flag)));
    }
  }
}
