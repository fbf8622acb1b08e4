package dev.runwright.confluence;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code language} and {@code title} of a Confluence {@code code} macro, from a fenced code
 * block's info string ({@code json}, {@code sh title="Check it"}).
 *
 * <p>Only languages that Confluence Server and Data Center accept are written (their list of
 * storage ids: actionscript3, applescript, bash, c#, cpp, css, coldfusion, delphi, diff, erl,
 * groovy, xml, java, jfx, js, php, perl, text, powershell, py, ruby, sql, sass, scala, vb, and yml
 * since 6.7): any other value makes the macro fail to render with "Invalid value specified for
 * parameter". In particular {@code json} is not accepted, so JSON is written as {@code js}, and
 * HCL, which has no id, as {@code text}.
 */
record CodeLanguage(String language, String title) {
  private static final Map<String, String> IDS =
      Map.ofEntries(
          Map.entry("json", "js"),
          Map.entry("jsonc", "js"),
          Map.entry("json5", "js"),
          Map.entry("js", "js"),
          Map.entry("javascript", "js"),
          Map.entry("ts", "js"),
          Map.entry("typescript", "js"),
          Map.entry("yaml", "yml"),
          Map.entry("yml", "yml"),
          Map.entry("sh", "bash"),
          Map.entry("bash", "bash"),
          Map.entry("shell", "bash"),
          Map.entry("zsh", "bash"),
          Map.entry("console", "bash"),
          Map.entry("shell-session", "bash"),
          Map.entry("sql", "sql"),
          Map.entry("mysql", "sql"),
          Map.entry("postgresql", "sql"),
          Map.entry("psql", "sql"),
          Map.entry("plsql", "sql"),
          Map.entry("xml", "xml"),
          Map.entry("html", "xml"),
          Map.entry("python", "py"),
          Map.entry("py", "py"),
          Map.entry("java", "java"),
          Map.entry("powershell", "powershell"),
          Map.entry("ps1", "powershell"),
          Map.entry("pwsh", "powershell"),
          Map.entry("diff", "diff"),
          Map.entry("patch", "diff"),
          Map.entry("css", "css"),
          Map.entry("groovy", "groovy"),
          Map.entry("ruby", "ruby"),
          Map.entry("rb", "ruby"),
          Map.entry("perl", "perl"),
          Map.entry("php", "php"),
          Map.entry("scala", "scala"),
          Map.entry("cpp", "cpp"),
          Map.entry("c++", "cpp"),
          Map.entry("c", "cpp"),
          Map.entry("csharp", "c#"),
          Map.entry("cs", "c#"),
          Map.entry("c#", "c#"));

  private static final Pattern TITLE = Pattern.compile("\\btitle=(?:\"([^\"]*)\"|(\\S+))");

  /**
   * The macro's parameters for an info string; an empty or unknown language (HCL, Terraform, Go,
   * plain text) becomes {@code text}, and a {@code title="..."} attribute the macro's title.
   */
  static CodeLanguage of(String info) {
    String s = info == null ? "" : info.strip();
    String word = s.isEmpty() ? "" : s.split("\\s+", 2)[0];
    // A Pandoc-style {.lang} or a lang{...} attribute block: keep the name only.
    word = word.replaceAll("^\\{?\\.?", "").replaceAll("[{}].*$", "");
    String id = IDS.getOrDefault(word.toLowerCase(Locale.ROOT), "text");
    Matcher m = TITLE.matcher(s);
    String title = null;
    if (m.find()) {
      title = m.group(1) != null ? m.group(1) : m.group(2);
      if (title.isBlank()) {
        title = null;
      }
    }
    return new CodeLanguage(id, title);
  }
}
