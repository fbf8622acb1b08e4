package dev.runwright.render;

import java.util.Map;

/**
 * What readers call each built-in form ({@code form:} in a manifest, {@code m.form} in a template):
 * the labels of the pages' tabs and of the index's links. A pack's own form is shown by its name.
 */
public final class FormLabels {
  private FormLabels() {}

  private static final Map<String, String> LABELS =
      Map.of(
          "console", "Console",
          "cli", "AWS CLI",
          "terraform", "Terraform",
          "cloudformation", "CloudFormation",
          "ssm", "SSM Automation");

  /** The labels of the built-in forms. */
  public static java.util.Collection<String> labels() {
    return LABELS.values();
  }

  /** The label of form {@code name}: "AWS CLI" for {@code cli}, {@code name} itself if unknown. */
  public static String of(String name) {
    return LABELS.getOrDefault(name, name);
  }
}
