package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.buildSite;
import static dev.runwright.site.SiteTestSupport.read;
import static dev.runwright.site.SiteTestSupport.replaceOnce;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operator's checklist and record in headless Chromium: ticks kept per page and input, the
 * printed record, and axe-core's accessibility checks in light and dark mode. Skipped without a
 * browser unless RUNWRIGHT_REQUIRE_BROWSER is set; the axe test is skipped without axe-core
 * (tools/validators) unless RUNWRIGHT_REQUIRE_TOOLS=1.
 */
class OperatorRecordIT {
  private static final Path SITE = Path.of("target", "browser-record-site");
  private static final Path ONE = Path.of("target", "browser-record-one");
  private static final String KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/" + KEY;

  @TempDir static Path profiles;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    if (!Browser.require()) {
      return;
    }
    buildSite(EXAMPLE, SITE, "--quiet");
    browser = Browser.chromium(profiles.resolve("record"), true);
  }

  @BeforeEach
  void needsTheBrowser() {
    assumeTrue(
        browser != null,
        Browser.missing() + "; set RUNWRIGHT_REQUIRE_BROWSER to fail instead of skipping");
    Browser.reset(browser);
    browser.get(Browser.url(SITE.resolve("index.html")));
    Browser.js(browser, "window.localStorage.clear();");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aTickSurvivesAReloadAndIsGoneWhenTheInputChanges(@TempDir Path tmp) {
    Path inventory = tmp.resolve("one.yaml");
    String all = read(EXAMPLE);
    String one = all.substring(0, all.indexOf("\n  - id: prod-euw1")) + "\n";
    write(inventory, one);
    buildSite(inventory, ONE, "--quiet");
    String page = Browser.url(ONE.resolve("prod-use1/kms/index.html"));
    browser.get(page);
    String key = browser.findElement(By.tagName("body")).getAttribute("data-rw-key");
    WebElement first = browser.findElements(By.cssSelector("input.rw-tick")).get(0);
    first.sendKeys(Keys.SPACE); // by keyboard
    assertTrue(first.isSelected());

    browser.navigate().refresh();
    first = browser.findElements(By.cssSelector("input.rw-tick")).get(0);
    assertTrue(first.isSelected(), "the tick survives a reload");
    assertTrue(
        ((String)
                Browser.js(
                    browser,
                    // A code block's tick sits in a label of its row; a list item's beside it.
                    "return arguments[0].closest('.rw-tickrow, li')"
                        + ".querySelector('.rw-when').textContent;",
                    first))
            .startsWith("done "));

    write(inventory, replaceOnce(one, KEY, "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));
    buildSite(inventory, ONE, "--quiet");
    browser.navigate().refresh();
    assertNotEquals(key, browser.findElement(By.tagName("body")).getAttribute("data-rw-key"));
    assertFalse(
        browser.findElements(By.cssSelector("input.rw-tick")).get(0).isSelected(),
        "another key: a fresh checklist");

    write(inventory, one);
    buildSite(inventory, ONE, "--quiet");
    browser.navigate().refresh();
    assertEquals(key, browser.findElement(By.tagName("body")).getAttribute("data-rw-key"));
    assertTrue(
        browser.findElements(By.cssSelector("input.rw-tick")).get(0).isSelected(),
        "the same input again: the same page key, and its ticks");
  }

  @Test
  void thePrintedRecordHoldsTheValuesTheTicksAndThePastedOutput() throws IOException {
    browser.get(Browser.url(SITE.resolve("prod-use1/kms/index.html")));
    WebElement record = browser.findElement(By.id("rw-record"));
    record.findElement(By.tagName("summary")).click();
    browser.findElement(By.id("rw-name")).sendKeys("Dana Operator");
    browser.findElement(By.id("rw-ticket")).sendKeys("CHG-4711");
    List<WebElement> ticks = browser.findElements(By.cssSelector("input.rw-tick"));
    assertTrue(ticks.size() > 10, "every numbered step and command can be ticked");
    ticks.get(0).click();
    ticks.get(1).click();
    WebElement output = browser.findElement(By.cssSelector(".rw-output textarea"));
    output.sendKeys(
        "{\"Policy\": {\"PolicyName\": \"AmazonRDSKMSKey\", \"DefaultVersionId\": \"v1\"}}");
    assertEquals(
        "check-it",
        Browser.js(
            browser,
            "var e = arguments[0].closest('.rw-output'); while (e && e.tagName !== 'H2')"
                + " { e = e.previousElementSibling; } return e && e.id;",
            output),
        "the output box sits in the Check it section");
    assertTrue(
        ((String) Browser.js(browser, "return document.getElementById('rw-start').value;"))
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d"),
        "the first tick sets the start time");
    Browser.viewport(browser, 1280, 900, false);
    Browser.js(browser, "document.querySelector('#values').scrollIntoView();");
    Browser.js(browser, "window.scrollBy(0, -420);");
    Browser.screenshot(browser, "runbook-record-1280.png");
    Browser.js(browser, "document.getElementById('in-the-console').scrollIntoView();");
    Browser.screenshot(browser, "runbook-ticked-1280.png");

    Browser.js(browser, "window.print = function () { window.rwPrinted = true; };");
    browser.findElement(By.id("rw-print")).click();
    assertEquals(Boolean.TRUE, Browser.js(browser, "return window.rwPrinted === true;"));
    WebElement printed = browser.findElement(By.cssSelector(".rw-print-record"));
    String text = (String) Browser.js(browser, "return arguments[0].textContent;", printed);
    for (String want :
        List.of(
            "Dana Operator",
            "CHG-4711",
            "prod-use1",
            " · Step ",
            KEY_ARN,
            "AmazonRDSKMSKey",
            "111122223333",
            "Open the IAM console",
            "aws iam create-policy",
            "not done",
            "\"DefaultVersionId\": \"v1\"")) {
      assertTrue(text.contains(want), "the record holds " + want + ":\n" + text);
    }
    List<WebElement> rows = printed.findElements(By.cssSelector(".rw-record-steps tr"));
    long shown = ticks.stream().filter(WebElement::isDisplayed).count();
    assertTrue(shown < ticks.size(), "the steps of the forms not chosen are hidden");
    assertEquals(shown + 1, rows.size(), "a row per step of the chosen form, and the header");
    assertTrue(text.contains("Done with") && text.contains("Console"), text);
    String doneAt = rows.get(1).findElements(By.tagName("td")).get(3).getAttribute("textContent");
    assertTrue(doneAt.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"), doneAt);

    // As the printer sees it: the record alone.
    Browser.js(browser, "document.documentElement.classList.add('rw-printing');");
    Browser.media(browser, "print", "light");
    assertTrue(printed.isDisplayed());
    assertFalse(browser.findElement(By.tagName("main")).isDisplayed());
    Browser.js(browser, "window.scrollTo(0, 0);");
    Browser.screenshot(browser, "record-print-1280.png");
    Browser.pdf(browser, "record.pdf");
    Browser.viewport(browser, 390, 844, true);
    Browser.screenshot(browser, "record-print-390.png");
    Browser.media(browser, "", "light");
    Browser.js(browser, "document.documentElement.classList.remove('rw-printing');");
    assertFalse(printed.isDisplayed(), "the record is not on the screen");
    Browser.js(browser, "document.getElementById('in-the-console').scrollIntoView();");
    Browser.screenshot(browser, "runbook-ticked-390.png");
    Browser.js(browser, "window.scrollTo(0, 0);");
    Browser.screenshot(browser, "runbook-390.png");
  }

  @Test
  void axeFindsNothingSeriousInLightAndDarkMode() throws IOException {
    boolean required = "1".equals(System.getenv("RUNWRIGHT_REQUIRE_TOOLS"));
    if (!Files.isRegularFile(Browser.AXE)) {
      if (required) {
        fail("no axe-core at " + Browser.AXE + ", and RUNWRIGHT_REQUIRE_TOOLS=1");
      }
      assumeTrue(false, "no axe-core at " + Browser.AXE + " (npm install in tools/validators)");
    }
    String axe = Files.readString(Browser.AXE);
    List<String> problems = new ArrayList<>();
    for (String scheme : List.of("light", "dark")) {
      Browser.media(browser, "", scheme);
      for (String page :
          List.of("index.html", "prod-use1/index.html", "prod-use1/kms/index.html")) {
        browser.get(Browser.url(SITE.resolve(page)));
        if (page.equals("index.html")) {
          browser.findElement(By.id("rw-q")).sendKeys("payments");
          Browser.await(browser)
              .until(d -> !d.findElements(By.cssSelector("#rw-hits a")).isEmpty());
        }
        if (page.endsWith("kms/index.html")) {
          browser.findElement(By.cssSelector("#rw-record summary")).click();
          browser.findElements(By.cssSelector("input.rw-tick")).get(0).click();
        }
        if (scheme.equals("dark") && page.endsWith("kms/index.html")) {
          Browser.screenshot(browser, "runbook-dark-1280.png");
        }
        problems.addAll(axe(axe, page + " (" + scheme + ")"));
      }
    }
    assertEquals(List.of(), problems, "axe-core's serious and critical violations");
  }

  /** axe-core's serious and critical violations on the page now shown, one line each. */
  @SuppressWarnings("unchecked")
  private static List<String> axe(String source, String where) {
    Browser.js(browser, source);
    browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
    Object result =
        browser.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                + " help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' '); })};"
                + " })); }, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e),"
                + " nodes: []}]); });");
    List<String> out = new ArrayList<>();
    for (Object o : (List<Object>) result) {
      Map<String, Object> v = (Map<String, Object>) o;
      if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
        out.add(
            where
                + ": "
                + v.get("id")
                + " ("
                + v.get("impact")
                + "): "
                + v.get("help")
                + " "
                + v.get("nodes"));
      }
    }
    return out;
  }
}
