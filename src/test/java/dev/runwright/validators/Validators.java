package dev.runwright.validators;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outside validators, one method each, returning what they found in a form a test can assert
 * on. None of them was written here: the Nu HTML Checker, shellcheck, GitHub's cmark-gfm, npm's
 * cfn-lint with the CDK's CloudFormation database, HashiCorp's HCL parser and formatter, AWS's SSM
 * document schema, MkDocs, Hugo and axe-core's script ({@link Shells} runs command blocks). Each
 * method skips (or fails under {@code RUNWRIGHT_REQUIRE_TOOLS}) when its tool is missing; a tool
 * that breaks down (bad output, an unexpected exit code) fails the test. Debian's packages and
 * tools/validators/package-lock.json give the versions; .ci/run installs them.
 */
public final class Validators {
  private Validators() {}

  public static final Tool VNU = Tool.npmJar("Nu HTML Checker", "vnu-jar/build/dist/vnu.jar");
  public static final Tool SHELLCHECK = Tool.onPath("shellcheck", "apt-get install shellcheck");
  public static final Tool CMARK_GFM = Tool.onPath("cmark-gfm", "apt-get install cmark-gfm");
  public static final Tool CFN =
      Tool.nodeScript("cfn-check.js", "cfn-lint", "@aws-cdk/cfnspec", "@aws-cdk/aws-service-spec");
  public static final Tool HCL2JSON = Tool.nodeScript("hcl2json.js", "@cdktf/hcl2json");
  public static final Tool HCL_FMT = Tool.nodeScript("hcl-fmt.js", "@cdktf/hcl-tools");
  public static final Tool SSM =
      Tool.nodeScript("ssm-schema.js", "aws-ssm-document-language-service", "ajv", "yaml");
  public static final Tool MKDOCS = Tool.onPath("mkdocs", "apt-get install mkdocs mkdocs-material");
  public static final Tool HUGO = Tool.onPath("hugo", "apt-get install hugo");
  public static final Tool AXE = Tool.npmFile("axe-core", "axe-core/axe.min.js");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SLOW = Duration.ofMinutes(3);

  /**
   * The Nu HTML Checker's errors in the HTML {@code pages}, in one JVM run over all of them (its
   * warnings, such as advice on CSP, are left out); a page's {@code <style>} is checked as CSS. A
   * stylesheet file is not taken: with {@code --also-check-css} the checker (26.9.27) reports each
   * HTML error one line too early, so a stylesheet is best checked inlined in a page.
   */
  public static List<Finding> vnu(List<Path> pages) {
    if (pages.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>(List.of("--errors-only", "--format", "json"));
    Map<Path, String> names = new LinkedHashMap<>();
    for (Path p : pages) {
      names.put(p.toAbsolutePath().normalize(), p.toString());
      args.add(p.toString());
    }
    Tool.Run run = VNU.run(args, null, Map.of(), null, SLOW);
    if (run.exit() > 1) {
      fail("the Nu HTML Checker broke down: " + run.describe());
    }
    List<Finding> out = new ArrayList<>();
    for (JsonNode m : parse(run.err(), run).path("messages")) {
      String url = m.path("url").asText("");
      Path file = url.startsWith("file:") ? Path.of(URI.create(url)).normalize() : Path.of(url);
      out.add(
          new Finding(
              names.getOrDefault(file, url),
              m.path("lastLine").asInt(0),
              m.path("firstColumn").asInt(m.path("lastColumn").asInt(0)),
              m.path("type").asText() + ": " + m.path("message").asText()));
    }
    if (run.exit() == 1 && out.isEmpty()) {
      fail("the Nu HTML Checker failed without a message: " + run.describe());
    }
    return out;
  }

  /** shellcheck's findings in one POSIX {@code sh} script. */
  public static List<Finding> shellcheck(String script) {
    return shellcheck("sh", Map.of("script", script));
  }

  /**
   * shellcheck's findings in {@code scripts} (name to text), in one run over all of them; each
   * finding's file is the script's name. Every check is on: none is excluded.
   *
   * @param dialect sh, bash, dash or ksh: what the scripts must run under
   */
  public static List<Finding> shellcheck(String dialect, Map<String, String> scripts) {
    Path dir = tempDir("rw-shellcheck-");
    try {
      List<String> args = new ArrayList<>(List.of("--norc", "-s", dialect, "-f", "json1"));
      Map<String, String> names = new LinkedHashMap<>();
      int i = 0;
      for (var e : scripts.entrySet()) {
        Path file = dir.resolve("block-" + i++ + ".sh");
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        names.put(file.toString(), e.getKey());
        args.add(file.toString());
      }
      Tool.Run run = SHELLCHECK.run(args, dir, Map.of(), null, SLOW);
      if (run.exit() > 1) {
        fail("shellcheck broke down: " + run.describe());
      }
      List<Finding> out = new ArrayList<>();
      for (JsonNode c : parse(run.out(), run).path("comments")) {
        out.add(
            new Finding(
                names.getOrDefault(c.path("file").asText(), c.path("file").asText()),
                c.path("line").asInt(),
                c.path("column").asInt(),
                "SC"
                    + c.path("code").asText()
                    + " ("
                    + c.path("level").asText()
                    + "): "
                    + c.path("message").asText()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * {@code markdown} rendered to HTML as GitHub does: cmark-gfm with GitHub's extensions (tables,
   * strikethrough, autolinks, the tag filter) and raw HTML passed through, as GitHub passes it to
   * its sanitiser.
   */
  public static String cmarkGfm(String markdown) {
    List<String> args =
        List.of(
            "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter");
    Tool.Run run = CMARK_GFM.run(args, null, Map.of(), markdown, Duration.ofSeconds(30));
    if (run.exit() != 0) {
      fail("cmark-gfm failed: " + run.describe());
    }
    return run.out();
  }

  /** {@link #cfnLint(List)} of one template. */
  public static List<Finding> cfnLint(Path template) {
    return cfnLint(List.of(template));
  }

  /**
   * What npm's cfn-lint and the CDK's CloudFormation resource database say about {@code templates}
   * (YAML or JSON), in one run (loading the database takes about a second); see
   * tools/validators/cfn-check.js for what each checks.
   */
  public static List<Finding> cfnLint(List<Path> templates) {
    Tool.Run run = CFN.run(strings(templates), null, Map.of(), null, SLOW);
    return lines(run, Pattern.compile("^(.*?): (\\[.*)$"));
  }

  /**
   * {@code tf} parsed by HashiCorp's HCL parser, as JSON (blocks become objects of arrays;
   * expressions stay {@code "${...}"} strings). Fails the test, with the parser's message, when the
   * file is not valid HCL.
   */
  public static JsonNode hcl2json(Path tf) {
    Tool.Run run = HCL2JSON.run(List.of(tf.toString()), null, Map.of(), null, SLOW);
    if (run.exit() != 0) {
      fail("not valid HCL: " + (run.exit() == 1 ? run.err().strip() : run.describe()));
    }
    return parse(run.out(), run);
  }

  /**
   * {@link #hcl2json(Path)} of several files in one run of the parser (which takes seconds to
   * start), by file.
   */
  public static Map<Path, JsonNode> hcl2json(List<Path> files) {
    if (files.size() == 1) {
      return Map.of(files.get(0), hcl2json(files.get(0)));
    }
    Tool.Run run = HCL2JSON.run(strings(files), null, Map.of(), null, SLOW);
    if (run.exit() != 0) {
      fail("not valid HCL: " + (run.exit() == 1 ? run.err().strip() : run.describe()));
    }
    JsonNode all = parse(run.out(), run);
    Map<Path, JsonNode> out = new LinkedHashMap<>();
    for (Path f : files) {
      out.put(f, all.path(f.toString()));
    }
    return out;
  }

  /**
   * The files of {@code tf} that are not as {@code terraform fmt} writes them, one finding each.
   */
  public static List<Finding> hclFmt(List<Path> tf) {
    Tool.Run run = HCL_FMT.run(strings(tf), null, Map.of(), null, SLOW);
    return lines(run, Pattern.compile("^(.*?): (line \\d+ .*)$"));
  }

  /** Where {@code doc}, an SSM Automation document, breaks AWS's schema for schemaVersion 0.3. */
  public static List<Finding> ssmSchema(Path doc) {
    return ssmSchema(List.of(doc));
  }

  /** {@link #ssmSchema(Path)} of several documents, in one run of the checker. */
  public static List<Finding> ssmSchema(List<Path> docs) {
    Tool.Run run = SSM.run(docs.stream().map(Path::toString).toList(), null, Map.of(), null, SLOW);
    return lines(run, Pattern.compile("^(.*?):(\\d+):(\\d+): (.*)$"));
  }

  /**
   * Builds {@code docsDir} with MkDocs and the Material theme in strict mode (a broken link or a
   * missing page is an error) into a scratch folder; returns its WARNING and ERROR lines, empty
   * when the build is clean.
   */
  public static List<String> mkdocsBuildStrict(Path docsDir) {
    Path dir = tempDir("rw-mkdocs-");
    try {
      String config =
          "site_name: Runwright validator build\n"
              + "docs_dir: "
              + JSON.writeValueAsString(docsDir.toAbsolutePath().toString())
              + "\nsite_dir: "
              + JSON.writeValueAsString(dir.resolve("site").toString())
              + "\nstrict: true\ntheme:\n  name: material\n";
      Files.writeString(dir.resolve("mkdocs.yml"), config, StandardCharsets.UTF_8);
      Tool.Run run =
          MKDOCS.run(
              List.of("build", "--strict", "-f", dir.resolve("mkdocs.yml").toString()),
              dir,
              Map.of("NO_COLOR", "1", "PYTHONWARNINGS", "ignore"),
              null,
              SLOW);
      List<String> problems =
          (run.out() + run.err())
              .lines()
              .map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "").strip())
              .filter(l -> l.startsWith("WARNING") || l.startsWith("ERROR"))
              .toList();
      if (run.exit() != 0 && problems.isEmpty()) {
        fail("mkdocs failed: " + run.describe());
      }
      return problems;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * The front matter of each Markdown page under {@code contentDir} as Hugo reads it (Go's YAML,
   * keys lower-cased as Hugo gives them to templates), by page path relative to {@code contentDir}.
   * Only the {@code .md} files are given to Hugo. Fails the test with Hugo's message when Hugo
   * cannot read a page.
   */
  public static Map<String, JsonNode> hugoFrontMatter(Path contentDir) {
    Path dir = tempDir("rw-hugo-");
    try {
      List<String> pages = new ArrayList<>();
      try (var all = Files.walk(contentDir)) {
        for (Path md : all.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
          String rel = contentDir.relativize(md).toString().replace('\\', '/');
          Path copy = dir.resolve("content").resolve(rel);
          Files.createDirectories(copy.getParent());
          Files.copy(md, copy);
          pages.add(rel);
        }
      }
      Path layouts = Files.createDirectories(dir.resolve("layouts/_default"));
      Files.writeString(layouts.resolve("single.json"), "{{ jsonify .Params }}");
      Files.writeString(layouts.resolve("list.json"), "");
      Files.writeString(
          dir.resolve("config.toml"),
          "baseURL = \"http://example.invalid/\"\n"
              + "disableKinds = [\"home\", \"section\", \"taxonomy\", \"term\", \"RSS\","
              + " \"sitemap\", \"robotsTXT\", \"404\"]\n"
              + "[outputs]\n  page = [\"JSON\"]\n");
      Tool.Run run =
          HUGO.run(List.of("--quiet", "--source", dir.toString()), dir, Map.of(), null, SLOW);
      if (run.exit() != 0) {
        fail("Hugo cannot read the pages: " + run.describe());
      }
      Map<String, JsonNode> out = new java.util.TreeMap<>();
      for (String rel : pages) {
        Path json =
            dir.resolve("public").resolve(rel.replaceFirst("\\.md$", "")).resolve("index.json");
        if (!Files.exists(json)) {
          fail("Hugo wrote no page for " + rel + ": " + run.describe());
        }
        out.put(rel, parse(Files.readString(json, StandardCharsets.UTF_8), run));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * axe-core's script for a browser ({@code axe.min.js}), for a Selenium test to inject into a page
   * and run {@code axe.run()}; skips or fails as any missing tool does.
   */
  public static String axeCoreScript() {
    AXE.require();
    try {
      return Files.readString(AXE.needs().get(0), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The findings a script prints one a line, with exit 0 (none) or 1 (some). */
  private static List<Finding> lines(Tool.Run run, Pattern line) {
    if (run.exit() > 1) {
      fail("the validator broke down: " + run.describe());
    }
    List<Finding> out = new ArrayList<>();
    for (String l : run.out().lines().toList()) {
      Matcher m = line.matcher(l);
      if (!m.matches()) {
        fail("unexpected line from the validator: " + l + "\n" + run.describe());
      }
      out.add(
          m.groupCount() == 2
              ? Finding.at(m.group(1), m.group(2))
              : new Finding(
                  m.group(1),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)),
                  m.group(4)));
    }
    if ((run.exit() == 1) == out.isEmpty()) {
      fail("the validator's exit code does not match its output: " + run.describe());
    }
    return out;
  }

  private static JsonNode parse(String json, Tool.Run run) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("the validator did not print JSON: " + run.describe(), e);
    }
  }

  private static List<String> strings(List<Path> paths) {
    return paths.stream().map(Path::toString).toList();
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    try (var all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
