package dev.runwright.hostile;

import static dev.runwright.hostile.Generators.clusterId;

import dev.runwright.config.Node;
import dev.runwright.config.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One runbook's flags; {@code null} leaves a flag out. */
record Input(
    String account,
    String region,
    List<String> keys,
    String policyName,
    String description,
    String roleName,
    String clusterId,
    String auroraMysqlVersion,
    List<String> access) {

  Map<String, Node> flags() {
    Map<String, Node> f = new LinkedHashMap<>();
    put(f, "account", "--account", account);
    put(f, "region", "--region", region);
    putList(f, "keys", "--key", keys);
    put(f, "policyName", "--policy-name", policyName);
    put(f, "description", "--description", description);
    put(f, "roleName", "--role-name", roleName);
    put(f, "clusterId", "--cluster-id", clusterId);
    put(f, "auroraMysqlVersion", "--aurora-mysql-version", auroraMysqlVersion);
    putList(f, "access", "--access", access);
    return f;
  }

  Input withDescription(String d) {
    return new Input(
        account, region, keys, policyName, d, roleName, clusterId, auroraMysqlVersion, access);
  }

  /** The values as the runbooks should show them: given, or the packs' defaults. */
  String policyNameOrDefault() {
    return policyName != null ? policyName : "AmazonRDSKMSKey";
  }

  String roleNameOrDefault() {
    return roleName != null ? roleName : "RDSLoadFromS3";
  }

  List<String> accessOrDefault() {
    return access != null ? access : List.of("load");
  }

  int version() {
    return auroraMysqlVersion == null ? 3 : Integer.parseInt(auroraMysqlVersion);
  }

  private static void put(Map<String, Node> f, String name, String flag, String value) {
    if (value != null) {
      f.put(name, new Node.Scalar(value, Node.Style.QUOTED, Position.flag(flag)));
    }
  }

  private static void putList(Map<String, Node> f, String name, String flag, List<String> vs) {
    if (vs != null) {
      List<Node> items = new ArrayList<>();
      for (String v : vs) {
        items.add(new Node.Scalar(v, Node.Style.QUOTED, Position.flag(flag)));
      }
      f.put(name, new Node.Sequence(items, Position.flag(flag)));
    }
  }
}
