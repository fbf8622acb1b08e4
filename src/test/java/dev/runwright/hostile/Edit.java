package dev.runwright.hostile;

import static dev.runwright.hostile.Generators.edit;
import static dev.runwright.hostile.Generators.hostile;
import static dev.runwright.hostile.RunChecks.FIELDS;

import java.util.ArrayList;
import java.util.List;

/**
 * One hostile edit of one field: for a list, of one item, or one item more. {@code whole} replaces
 * the value by {@code hostile}; otherwise {@code inserted} goes in at {@code at}, replacing {@code
 * cut} characters.
 */
record Edit(int field, boolean whole, String hostile, int at, String inserted, int cut) {

  Input applyTo(Input in) {
    return switch (FIELDS.get(field)) {
      case "account" ->
          new Input(
              edit(in.account()),
              in.region(),
              in.keys(),
              in.policyName(),
              in.description(),
              in.roleName(),
              in.clusterId(),
              in.auroraMysqlVersion(),
              in.access());
      case "region" ->
          new Input(
              in.account(),
              edit(in.region()),
              in.keys(),
              in.policyName(),
              in.description(),
              in.roleName(),
              in.clusterId(),
              in.auroraMysqlVersion(),
              in.access());
      case "keys" ->
          new Input(
              in.account(),
              in.region(),
              editList(in.keys()),
              in.policyName(),
              in.description(),
              in.roleName(),
              in.clusterId(),
              in.auroraMysqlVersion(),
              in.access());
      case "policyName" ->
          new Input(
              in.account(),
              in.region(),
              in.keys(),
              edit(in.policyName()),
              in.description(),
              in.roleName(),
              in.clusterId(),
              in.auroraMysqlVersion(),
              in.access());
      case "description" -> in.withDescription(edit(in.description()));
      case "roleName" ->
          new Input(
              in.account(),
              in.region(),
              in.keys(),
              in.policyName(),
              in.description(),
              edit(in.roleName()),
              in.clusterId(),
              in.auroraMysqlVersion(),
              in.access());
      case "clusterId" ->
          new Input(
              in.account(),
              in.region(),
              in.keys(),
              in.policyName(),
              in.description(),
              in.roleName(),
              edit(in.clusterId()),
              in.auroraMysqlVersion(),
              in.access());
      case "auroraMysqlVersion" ->
          new Input(
              in.account(),
              in.region(),
              in.keys(),
              in.policyName(),
              in.description(),
              in.roleName(),
              in.clusterId(),
              edit(in.auroraMysqlVersion()),
              in.access());
      default ->
          new Input(
              in.account(),
              in.region(),
              in.keys(),
              in.policyName(),
              in.description(),
              in.roleName(),
              in.clusterId(),
              in.auroraMysqlVersion(),
              editList(in.access() == null ? List.of("load") : in.access()));
    };
  }

  String edit(String v) {
    if (whole || v == null) {
      return hostile;
    }
    int p = at % (v.length() + 1);
    return v.substring(0, p) + inserted + v.substring(Math.min(v.length(), p + cut));
  }

  List<String> editList(List<String> vs) {
    List<String> out = new ArrayList<>(vs);
    if (whole && at % 4 == 0 && out.size() < 3) {
      out.add(hostile); // one more item
    } else {
      int i = at % out.size();
      out.set(i, edit(out.get(i)));
    }
    return out;
  }
}
