package dev.runwright.cli;

import dev.runwright.site.MkDocsTarget;
import dev.runwright.site.PublishTarget;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code runwright mkdocs}: an inventory as a MkDocs (and Backstage TechDocs) bundle. */
@Command(
    name = "mkdocs",
    addMethodSubcommands = false,
    header = "Publish an inventory as a MkDocs or Backstage TechDocs bundle.",
    mixinStandardHelpOptions = true,
    description = {
      "Builds an inventory into a folder that mkdocs build (or TechDocs) turns into a site:"
          + " mkdocs.yml with a nav grouped by account and Region, docs/index.md, and docs/<id>/"
          + " with each runbook's overview, steps and policies.",
      "--theme material (the default, TechDocs' theme) uses mkdocs-material's admonitions and"
          + " content tabs for the console and CLI forms of a step; --theme mkdocs needs nothing"
          + " but MkDocs. --techdocs adds catalog-info.yaml with backstage.io/techdocs-ref: dir:.",
      "Published like site: built beside --out and swapped in when everything succeeded."
    },
    footer = {
      "",
      "Examples:",
      "  runwright mkdocs --config site/site.yaml --out docs-site && mkdocs build --strict -f"
          + " docs-site/mkdocs.yml",
      "  runwright mkdocs --config site/site.yaml --out runbooks-docs --techdocs --owner"
          + " group:default/payments"
    })
final class MkDocsCommand extends PublishCommand {
  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "mkdocs",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--theme",
      paramLabel = "THEME",
      defaultValue = "material",
      description =
          "material (mkdocs-material, as TechDocs uses) or mkdocs (plain MkDocs); default:"
              + " ${DEFAULT-VALUE}.")
  String theme;

  @Option(
      names = "--techdocs",
      description =
          "Also write catalog-info.yaml, a Backstage Component whose docs are the bundle.")
  boolean techdocs;

  @Option(
      names = "--owner",
      paramLabel = "ENTITY",
      description =
          "The Backstage owner in catalog-info.yaml (group:default/payments); default: unknown.")
  String owner;

  @Override
  PublishTarget target() {
    MkDocsTarget.Theme t =
        switch (theme) {
          case "material" -> MkDocsTarget.Theme.MATERIAL;
          case "mkdocs" -> MkDocsTarget.Theme.MKDOCS;
          default ->
              throw new ParameterException(
                  spec.commandLine(),
                  "--theme: \""
                      + theme
                      + "\" is not a theme Runwright writes; expected material or"
                      + " mkdocs");
        };
    if (owner != null && !techdocs) {
      throw new ParameterException(spec.commandLine(), "--owner needs --techdocs");
    }
    try {
      return new MkDocsTarget(new MkDocsTarget.Options(t, techdocs, owner));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
    }
  }

  @Override
  Path out() {
    return out;
  }
}
