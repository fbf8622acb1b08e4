package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.buildSite;
import static dev.runwright.site.SiteTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The forms of a step (console, AWS CLI, Terraform, CloudFormation, SSM Automation) as tabs in
 * headless Chromium: switching by mouse and keyboard, the choice kept across pages and runbooks,
 * all forms without JavaScript, print media, links into a hidden form, the checklist inside tabs,
 * axe-core, and screenshots at desktop and phone width. Skipped without a browser unless
 * RUNWRIGHT_REQUIRE_BROWSER is set.
 */
class FormTabsIT {
  private static final Path SITE = Path.of("target", "browser-tabs-site");
  private static final Path IAC = Path.of("target", "browser-tabs-iac");
  private static final List<String> ALL =
      List.of("Console", "AWS CLI", "Terraform", "CloudFormation", "SSM Automation");

  @TempDir static Path profiles;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() throws IOException {
    if (!Browser.require()) {
      return;
    }
    buildSite(EXAMPLE, SITE, "--quiet");
    Path inventory = Files.createTempFile("iac", ".yaml");
    write(inventory, FormFilesTest.INVENTORY);
    String[] t = FormFilesTest.TEMPLATES;
    buildSite(inventory, IAC, "--quiet", t[0], t[1], t[2], t[3]);
    Files.delete(inventory);
    browser = Browser.chromium(profiles.resolve("tabs"), true);
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

  private static String overview() {
    return Browser.url(IAC.resolve("dns-api/index.html"));
  }

  /** The tabs of the first group on the page. */
  private static List<WebElement> tabs(WebDriver d) {
    return d.findElements(By.cssSelector(".rw-forms [role=tablist]"))
        .get(0)
        .findElements(By.cssSelector("[role=tab]"));
  }

  /** The labels of the forms shown on the page, group by group. */
  @SuppressWarnings("unchecked")
  private static List<String> shown(WebDriver d) {
    return (List<String>)
        Browser.js(
            d,
            "return Array.prototype.map.call(document.querySelectorAll('.rw-form'), function (p) {"
                + " return getComputedStyle(p).display === 'none' ? null"
                + " : p.getAttribute('data-rw-label'); }).filter(function (x) { return x; });");
  }

  private static String selected(List<WebElement> tabs) {
    List<String> on =
        tabs.stream()
            .filter(t -> "true".equals(t.getAttribute("aria-selected")))
            .map(WebElement::getText)
            .toList();
    assertEquals(1, on.size(), "one tab is selected: " + on);
    return on.get(0);
  }

  @Test
  void aGroupIsTabsThatSwitchByClickAndByTheArrowKeys() {
    browser.get(overview());
    List<WebElement> tabs = tabs(browser);
    assertEquals(ALL, tabs.stream().map(WebElement::getText).toList());
    assertEquals("Console", selected(tabs));
    assertEquals(List.of("Console"), shown(browser));
    for (WebElement t : tabs) {
      WebElement panel = browser.findElement(By.id(t.getAttribute("aria-controls")));
      assertEquals("tabpanel", panel.getAttribute("role"));
      assertEquals(t.getAttribute("id"), panel.getAttribute("aria-labelledby"));
      assertEquals(
          "true".equals(t.getAttribute("aria-selected")) ? "0" : "-1", t.getAttribute("tabindex"));
    }

    tabs.get(2).click();
    assertEquals("Terraform", selected(tabs));
    assertEquals(List.of("Terraform"), shown(browser));
    assertTrue(
        browser
            .findElement(By.cssSelector("[data-rw-form=terraform] code.language-hcl"))
            .getText()
            .contains("Z0123456789ABCDEFGHIJ"));

    tabs.get(2).sendKeys(Keys.ARROW_RIGHT);
    assertEquals("CloudFormation", selected(tabs));
    assertEquals("CloudFormation", browser.switchTo().activeElement().getText(), "focus follows");
    browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
    browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
    assertEquals("Console", selected(tabs), "the last tab's right arrow goes to the first");
    browser.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
    assertEquals("SSM Automation", selected(tabs));
    browser.switchTo().activeElement().sendKeys(Keys.HOME);
    assertEquals("Console", selected(tabs));
    browser.switchTo().activeElement().sendKeys(Keys.END);
    assertEquals("SSM Automation", selected(tabs));
    assertEquals(List.of("SSM Automation"), shown(browser));
    // Tab leaves the tab list for the panel: one tab stop for the whole list.
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertEquals("tabpanel", browser.switchTo().activeElement().getAttribute("role"));
  }

  @Test
  void theChoiceIsKeptAcrossPagesAndRunbooks() {
    browser.get(Browser.url(SITE.resolve("prod-use1/kms/index.html")));
    assertEquals(List.of("Console"), shown(browser));
    tabs(browser).get(1).click();
    assertEquals(List.of("AWS CLI"), shown(browser));

    browser.get(Browser.url(SITE.resolve("prod-use1/associate/index.html")));
    List<String> groups = shown(browser);
    assertTrue(groups.size() >= 3, "the associate step has several groups: " + groups);
    assertEquals(List.of("AWS CLI"), groups.stream().distinct().toList(), "every group");

    browser.get(Browser.url(SITE.resolve("prod-euw1/role/index.html")));
    assertEquals(List.of("AWS CLI"), shown(browser), "another runbook");

    browser.get(overview());
    assertEquals(List.of("AWS CLI"), shown(browser), "another site on the same origin");
    tabs(browser).get(2).click();
    browser.get(Browser.url(IAC.resolve("dns-api/record/index.html")));
    assertEquals(List.of("Terraform"), shown(browser));
    browser.get(Browser.url(SITE.resolve("prod-use1/kms/index.html")));
    assertEquals(List.of("Terraform"), shown(browser), "the built-in step's Terraform form");
    browser.get(Browser.url(SITE.resolve("prod-use1/database/index.html")));
    assertEquals(List.of("Console"), shown(browser), "a page without Terraform shows the first");
  }

  @Test
  void withoutJavaScriptEveryFormShowsUnderItsHeading() {
    WebDriver plain = Browser.chromium(profiles.resolve("nojs"), false);
    try {
      plain.get(overview());
      assertEquals(List.of(), plain.findElements(By.cssSelector("[role=tablist]")));
      assertEquals(ALL, shown(plain));
      List<String> headings =
          plain.findElements(By.cssSelector(".rw-form > h3")).stream()
              .filter(WebElement::isDisplayed)
              .map(h -> h.getText().replace(" #", "").strip())
              .toList();
      assertEquals(
          List.of(
              "In the console",
              "With the AWS CLI",
              "With Terraform",
              "With CloudFormation",
              "With an SSM Automation runbook"),
          headings);
      ((ChromeDriver) plain)
          .executeCdpCommand(
              "Emulation.setEmulatedMedia", Map.of("media", "print", "features", List.of()));
      assertEquals(ALL, shown(plain), "and prints them all");
    } finally {
      plain.quit();
    }
  }

  @Test
  void printingPrintsTheChosenFormUnderItsHeading() throws IOException {
    browser.get(overview());
    tabs(browser).get(3).click();
    Browser.media(browser, "print", "light");
    assertEquals(List.of("CloudFormation"), shown(browser));
    assertFalse(browser.findElement(By.cssSelector("[role=tablist]")).isDisplayed());
    WebElement heading = browser.findElement(By.cssSelector("[data-rw-form=cloudformation] > h3"));
    assertTrue(heading.isDisplayed());
    assertTrue(
        heading.getSize().getWidth() > 100, "the heading prints at full width, not hidden away");
    Browser.pdf(browser, "tabs-print.pdf");
    Browser.media(browser, "", "light");
    assertTrue(browser.findElement(By.cssSelector("[role=tablist]")).isDisplayed());
    assertTrue(heading.getSize().getWidth() <= 1, "on screen the tab names the form");
  }

  @Test
  void aLinkToAHeadingInAHiddenFormShowsThatForm() {
    browser.get(Browser.url(SITE.resolve("prod-use1/kms/index.html")));
    assertEquals(List.of("Console"), shown(browser));
    browser.findElement(By.cssSelector("aside .rw-toc a[href='#with-the-aws-cli']")).click();
    Browser.await(browser).until(d -> shown(d).equals(List.of("AWS CLI")));
    browser.get(Browser.url(SITE.resolve("prod-use1/kms/index.html")));
    assertEquals(List.of("Console"), shown(browser), "following a link does not change the choice");
    // As a search result from another page opens it.
    browser.get(Browser.url(SITE.resolve("prod-use1/role/index.html")) + "#with-the-aws-cli");
    assertEquals(List.of("AWS CLI"), shown(browser));
  }

  @Test
  void theChecklistCountsTheShownFormAndCopyWorksInsideATab() {
    browser.get(Browser.url(SITE.resolve("prod-use1/kms/index.html")));
    WebElement progress = browser.findElement(By.cssSelector(".rw-record-progress"));
    String console = (String) Browser.js(browser, "return arguments[0].textContent;", progress);
    tabs(browser).get(1).click();
    String cli = (String) Browser.js(browser, "return arguments[0].textContent;", progress);
    assertFalse(console.equals(cli), "the count follows the form: " + console + " / " + cli);
    WebElement panel = browser.findElement(By.cssSelector("[data-rw-form=cli]"));
    WebElement tick = panel.findElement(By.cssSelector("input.rw-tick"));
    tick.click();
    assertTrue(tick.isSelected());
    assertTrue(
        ((String) Browser.js(browser, "return arguments[0].textContent;", progress))
            .startsWith("1 of "));
    Browser.js(
        browser,
        "window.rwCopied = null; if (navigator.clipboard) { navigator.clipboard.writeText ="
            + " function (t) { window.rwCopied = t; return Promise.resolve(); }; }"
            + "document.addEventListener('copy', function () {"
            + " window.rwCopied = document.activeElement.value; });");
    panel.findElement(By.cssSelector("button.rw-copy")).click();
    Object copied = Browser.await(browser).until(d -> Browser.js(d, "return window.rwCopied;"));
    assertTrue(copied.toString().startsWith("aws iam create-policy"), copied.toString());
  }

  @Test
  void axeFindsNoViolationOnPagesWithTabs() throws IOException {
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
          List.of(overview(), Browser.url(SITE.resolve("prod-use1/associate/index.html")))) {
        browser.get(page);
        tabs(browser).get(1).click(); // a tab chosen, the focus on it
        problems.addAll(axe(axe, page.substring(page.indexOf("target/")) + " (" + scheme + ")"));
      }
    }
    assertEquals(List.of(), problems, "axe-core's violations");
  }

  @Test
  void screenshotsAtDesktopAndPhoneWidth() throws IOException {
    browser.get(overview());
    tabs(browser).get(2).click();
    for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
      Browser.viewport(browser, size[0], size[1], size[0] < 500);
      Browser.js(
          browser,
          "document.querySelector('.rw-forms').scrollIntoView(); window.scrollBy(0, -80);");
      Browser.screenshot(browser, "tabs-" + size[0] + ".png");
      long overflow =
          (Long)
              Browser.js(
                  browser,
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertEquals(0, overflow, "nothing runs off the side at " + size[0]);
    }
    Browser.media(browser, "", "dark");
    Browser.viewport(browser, 1280, 900, false);
    Browser.js(
        browser, "document.querySelector('.rw-forms').scrollIntoView(); window.scrollBy(0, -80);");
    Browser.screenshot(browser, "tabs-dark-1280.png");
  }

  @Test
  void aStandalonePageRunsItsTabsUnderItsCspAndWithoutStorage() {
    // As in a private window or a browser that refuses storage for file:// pages: every use of
    // localStorage throws. The page's own CSP allows only its hashed inline style and script.
    String id =
        (String)
            browser
                .executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument",
                    Map.of(
                        "source",
                        "window.rwViolations = []; window.rwErrors = [];"
                            + "document.addEventListener('securitypolicyviolation', function (e)"
                            + " { window.rwViolations.push(e.violatedDirective); });"
                            + "window.addEventListener('error', function (e)"
                            + " { window.rwErrors.push(String(e.message)); });"
                            + "Object.defineProperty(window, 'localStorage', { get: function () {"
                            + " throw new DOMException('denied', 'SecurityError'); } });"))
                .get("identifier");
    try {
      browser.get(
          Browser.url(
              Path.of(
                  "src/test/resources/golden/commercial-with-cluster/expected/associate/runbook.html")));
      List<String> groups = shown(browser);
      assertTrue(groups.size() >= 3 && groups.stream().allMatch("Console"::equals), "" + groups);
      tabs(browser).get(1).click();
      assertEquals(
          List.of("AWS CLI"), shown(browser).stream().distinct().toList(), "without storage too");
      assertEquals(List.of(), Browser.js(browser, "return window.rwViolations;"), "CSP");
      assertEquals(List.of(), Browser.js(browser, "return window.rwErrors;"), "script errors");
      assertEquals(
          "rgba(0, 0, 0, 0)",
          tabs(browser).get(0).getCssValue("background-color"),
          "the inline stylesheet applies (a button's own background is grey)");
    } finally {
      browser.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }
  }

  /** Every axe-core violation on the page now shown, one line each. */
  @SuppressWarnings("unchecked")
  private static List<String> axe(String source, String where) {
    Browser.js(browser, source);
    browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
    Object result =
        browser.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): '"
                + " + v.help + ' ' + v.nodes.map(function (n) { return n.target.join(' '); });"
                + " })); }, function (e) { done(['axe-error: ' + e]); });");
    List<String> out = new ArrayList<>();
    for (Object o : (List<Object>) result) {
      out.add(where + ": " + o);
    }
    return out;
  }
}
