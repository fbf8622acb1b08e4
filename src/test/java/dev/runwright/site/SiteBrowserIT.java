package dev.runwright.site;

import static dev.runwright.site.SiteTestSupport.EXAMPLE;
import static dev.runwright.site.SiteTestSupport.EXAMPLE_IDS;
import static dev.runwright.site.SiteTestSupport.buildSite;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example site in headless Chromium: the index's filter box and the site search, a runbook
 * page's values, copy buttons, anchors and table of contents, the step links, and the site without
 * JavaScript. Skipped when there is no browser, unless RUNWRIGHT_REQUIRE_BROWSER is set.
 */
class SiteBrowserIT {
  private static final Path SITE = Path.of("target", "browser-site");
  private static final String KEY_ARN =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  @TempDir static Path profiles;
  private static ChromeDriver browser;
  private static String indexUrl;

  @BeforeAll
  static void start() {
    if (!Browser.require()) {
      return; // each test is then skipped, so the report counts them
    }
    buildSite(EXAMPLE, SITE, "--quiet");
    indexUrl = Browser.url(SITE.resolve("index.html"));
    browser = Browser.chromium(profiles.resolve("js"), true);
  }

  @BeforeEach
  void needsTheBrowser() {
    assumeTrue(
        browser != null,
        Browser.missing() + "; set RUNWRIGHT_REQUIRE_BROWSER to fail instead of skipping");
    Browser.reset(browser);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void filterBoxNarrowsTheList() throws IOException {
    browser.get(indexUrl);
    WebElement filter = browser.findElement(By.id("rw-filter"));
    assertTrue(filter.isDisplayed(), "JavaScript shows the filter box");
    WebElement box = filter.findElement(By.tagName("input"));
    WebElement count = filter.findElement(By.className("rw-count"));
    WebElement empty = browser.findElement(By.id("rw-empty"));
    awaitText(count, "7 of 7");
    assertFalse(empty.isDisplayed());
    Browser.screenshot(browser, "index.png");

    box.sendKeys("gov");
    awaitText(count, "1 of 7");
    assertEquals(List.of("gov-usgw1"), visibleIds(browser));
    assertFalse(empty.isDisplayed());
    List<String> accounts =
        browser.findElements(By.cssSelector("section.rw-account")).stream()
            .filter(WebElement::isDisplayed)
            .map(s -> s.findElement(By.tagName("h2")).getText())
            .toList();
    assertEquals(1, accounts.size(), "groups without a match are hidden: " + accounts);
    assertTrue(accounts.get(0).contains("777788889999"), accounts.get(0));

    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    awaitText(count, "7 of 7");
    assertEquals(EXAMPLE_IDS.size(), visibleIds(browser).size());

    box.sendKeys("7777-8888-9999");
    awaitText(count, "1 of 7");
    assertEquals(List.of("gov-usgw1"), visibleIds(browser), "the console's account form matches");
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    awaitText(count, "7 of 7");

    box.sendKeys("zzyzxnomatch");
    awaitText(count, "0 of 7");
    assertEquals(List.of(), visibleIds(browser));
    assertTrue(empty.isDisplayed(), "the note shows when nothing matches");
    assertTrue(empty.getText().startsWith("No runbook matches"), empty.getText());
  }

  @Test
  void runbookPageShowsTheFilledValuesAndLeadsToStepTwo() throws IOException {
    browser.get(indexUrl);
    browser.findElement(By.cssSelector("a.rw-title[href='prod-use1/index.html']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/prod-use1/index.html"));
    // The index leads to the procedure's overview, which leads to each step.
    browser.findElement(By.cssSelector("main a[href='kms/index.html']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/prod-use1/kms/index.html"));

    assertAll(
        () -> assertEquals("111122223333", value(browser, "AWS account")),
        () ->
            assertTrue(value(browser, "Region").startsWith("us-east-1"), value(browser, "Region")),
        () -> assertEquals(KEY_ARN, value(browser, "KMS key ARN")));
    String policy = browser.findElement(By.cssSelector("pre > code.language-json")).getText();
    assertTrue(policy.contains("\"Resource\": \"" + KEY_ARN + "\""), policy);

    List<WebElement> blocks = browser.findElements(By.cssSelector("pre"));
    List<WebElement> buttons = browser.findElements(By.cssSelector("pre > button.rw-copy"));
    assertFalse(blocks.isEmpty());
    assertEquals(blocks.size(), buttons.size(), "a Copy button on every code block");
    assertEquals("Copy", buttons.get(0).getText());
    Browser.screenshot(browser, "runbook.png");

    browser.findElement(By.cssSelector(".rw-pager-top a.rw-next")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/prod-use1/role/index.html"));
    assertEquals("RDSLoadFromS3", value(browser, "Role name"));
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("RDSLoadFromS3"));
  }

  @Test
  void codeIsHighlightedAndCopyCopiesItsPlainText() throws IOException {
    browser.get(Browser.url(SITE.resolve("prod-use1/kms/index.html")));
    WebElement code = browser.findElement(By.cssSelector("pre > code.language-json"));
    WebElement key = code.findElement(By.cssSelector("span.tok-key"));
    assertEquals("rgba(122, 75, 0, 1)", key.getCssValue("color"), "the stylesheet colours keys");
    // Catch what the button copies, whichever of the script's two ways it takes.
    ((JavascriptExecutor) browser)
        .executeScript(
            "window.rwCopied = null;"
                + "if (navigator.clipboard) { navigator.clipboard.writeText ="
                + " function (t) { window.rwCopied = t; return Promise.resolve(); }; }"
                + "document.addEventListener('copy', function () {"
                + " window.rwCopied = document.activeElement.value; });");
    code.findElement(By.xpath("..")).findElement(By.cssSelector("button.rw-copy")).click();
    Object copied =
        new WebDriverWait(browser, Duration.ofSeconds(5))
            .until(d -> ((JavascriptExecutor) d).executeScript("return window.rwCopied;"));
    String policy = Files.readString(SITE.resolve("prod-use1/kms/policy.json"));
    assertEquals(policy.strip(), copied.toString().strip(), "Copy copies the code, not its spans");
  }

  @Test
  void withoutJavaScriptTheIndexListsEveryRunbook() {
    WebDriver plain = Browser.chromium(profiles.resolve("nojs"), false);
    try {
      plain.get(indexUrl);
      assertFalse(plain.findElement(By.id("rw-filter")).isDisplayed(), "no filter box without JS");
      assertFalse(plain.findElement(By.id("rw-empty")).isDisplayed());
      List<WebElement> links = plain.findElements(By.cssSelector("a.rw-title"));
      assertEquals(EXAMPLE_IDS.size(), links.size());
      for (WebElement link : links) {
        assertTrue(link.isDisplayed(), link.getAttribute("href") + " is hidden");
      }
      assertFalse(plain.findElement(By.cssSelector(".rw-search")).isDisplayed(), "no search box");
      // The runbook page works too, only without its Copy buttons: proof that JS is off. It is
      // the plain list: no checkboxes, no record; the anchors and the table of contents remain.
      plain.findElement(By.cssSelector("a.rw-title[href='prod-use1/index.html']")).click();
      plain.findElement(By.cssSelector("main a[href='kms/index.html']")).click();
      assertFalse(plain.findElements(By.cssSelector("pre")).isEmpty());
      assertEquals(List.of(), plain.findElements(By.cssSelector("button.rw-copy")));
      assertEquals(List.of(), plain.findElements(By.cssSelector("input[type=checkbox]")));
      assertEquals(List.of(), plain.findElements(By.id("rw-record")));
      assertTrue(plain.findElement(By.cssSelector("aside .rw-toc")).isDisplayed());
      assertFalse(plain.findElements(By.cssSelector("li[data-rw-step]")).isEmpty());
    } finally {
      plain.quit();
    }
  }

  @Test
  void searchFindsARunbookByAKeyIdFromAnotherPageAndWorksByKeyboard() throws IOException {
    // The second key of prod-euw1, searched from a page of prod-use1.
    browser.get(Browser.url(SITE.resolve("prod-use1/kms/index.html")));
    WebElement box = browser.findElement(By.id("rw-q"));
    assertTrue(box.isDisplayed(), "JavaScript shows the search box");
    box.sendKeys("5b1c9f0e-7d2a-4c3b-9e8f-1a2b3c4d5e6f");
    List<String> hrefs = hits();
    assertFalse(hrefs.isEmpty(), "the key ID is found");
    assertTrue(hrefs.get(0).endsWith("/prod-euw1/index.html"), hrefs.toString());
    assertTrue(hrefs.stream().allMatch(h -> h.contains("/prod-euw1/")), hrefs.toString());

    box.sendKeys(Keys.ARROW_DOWN);
    assertEquals(
        hrefs.get(0),
        browser.switchTo().activeElement().getAttribute("href"),
        "the arrow key moves to the first result");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    Browser.await(browser).until(ExpectedConditions.urlContains("/prod-euw1/index.html"));

    // Text and a value together lead to the section of that runbook's page.
    box = browser.findElement(By.id("rw-q"));
    box.sendKeys("reboot payments-prod");
    hrefs = hits();
    assertFalse(hrefs.isEmpty());
    String first = hrefs.get(0);
    assertTrue(first.contains("/prod-use1/associate/index.html#"), hrefs.toString());
    browser.findElement(By.cssSelector("#rw-hits a")).click();
    Browser.await(browser).until(ExpectedConditions.urlContains("/prod-use1/associate/"));
    String anchor = first.substring(first.indexOf('#') + 1);
    String section =
        (String)
            Browser.js(
                browser,
                "var h = document.getElementById(arguments[0]), t = h.textContent;"
                    + "for (var e = h.nextElementSibling; e && !/^H[12]$/.test(e.tagName);"
                    + " e = e.nextElementSibling) { t += ' ' + e.textContent; } return t;",
                anchor);
    assertTrue(section.toLowerCase().contains("reboot"), "the result's section: " + section);

    browser.get(indexUrl);
    box = browser.findElement(By.id("rw-q"));
    box.sendKeys("payments-prod");
    assertFalse(hits().isEmpty());
    Browser.screenshot(browser, "index-search-1280.png");
    Browser.viewport(browser, 390, 844, true);
    browser.get(indexUrl);
    browser.findElement(By.id("rw-q")).sendKeys("payments-prod");
    assertFalse(hits().isEmpty());
    Browser.screenshot(browser, "index-search-390.png");
    browser.findElement(By.id("rw-q")).sendKeys(Keys.ESCAPE);
    assertFalse(browser.findElement(By.id("rw-hits")).isDisplayed(), "Escape closes the results");
  }

  @Test
  void everyHeadingHasAnAnchorAndTheTableOfContentsLeadsToIt() throws IOException {
    browser.get(Browser.url(SITE.resolve("prod-use1/associate/index.html")));
    List<WebElement> headings = browser.findElements(By.cssSelector("main h2, main h3"));
    assertTrue(headings.size() > 5);
    for (WebElement h : headings) {
      String id = h.getAttribute("id");
      assertFalse(id == null || id.isEmpty(), h.getText());
      assertEquals(
          "#" + id, h.findElement(By.cssSelector("a.rw-anchor")).getDomAttribute("href"), id);
    }
    WebElement side = browser.findElement(By.cssSelector("aside .rw-toc"));
    assertTrue(side.isDisplayed(), "a side column on a wide screen");
    assertFalse(browser.findElement(By.cssSelector("details.rw-toc-inline")).isDisplayed());
    List<WebElement> entries = side.findElements(By.tagName("a"));
    assertEquals(
        headings.stream().filter(h -> !h.getAttribute("id").isEmpty()).count(),
        entries.size(),
        "one entry per level-2 and level-3 heading");
    side.findElement(By.linkText("Check it")).click();
    Browser.await(browser).until(ExpectedConditions.urlContains("#check-it"));
    Number top =
        (Number)
            Browser.js(
                browser, "return document.getElementById('check-it').getBoundingClientRect().top;");
    assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 120, "scrolled to it: " + top);

    // Step k of n, with the previous and next steps, at the top and at the bottom.
    List<WebElement> pagers = browser.findElements(By.cssSelector("nav.rw-pager"));
    assertEquals(2, pagers.size());
    String above = pagers.get(0).getText();
    Matcher step = Pattern.compile("Step (\\d+) of (\\d+)").matcher(above);
    assertTrue(step.find(), above);
    int k = Integer.parseInt(step.group(1));
    assertTrue(k > 1 && k < Integer.parseInt(step.group(2)), above);
    assertTrue(above.contains("Step " + (k - 1) + ": Create the IAM role"), above);
    assertTrue(above.contains("Next: Step " + (k + 1) + ": "), above);
    assertEquals(above, pagers.get(1).getText(), "the same links below the runbook");
    assertEquals(
        "../role/index.html",
        pagers.get(1).findElement(By.cssSelector("a.rw-prev")).getDomAttribute("href"));
    List<String> crumbs =
        browser.findElements(By.cssSelector(".rw-crumbs li")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        List.of(
            "Payments platform runbooks",
            "prod-use1",
            "Step " + k + ": Associate the role with the cluster"),
        crumbs);
    assertEquals(
        "../index.html",
        browser.findElement(By.linkText("prod-use1")).getDomAttribute("href"),
        "the breadcrumb leads to the runbook's overview");

    Browser.viewport(browser, 390, 844, true);
    browser.get(Browser.url(SITE.resolve("prod-use1/associate/index.html")));
    WebElement inline = browser.findElement(By.cssSelector("details.rw-toc-inline"));
    assertTrue(inline.isDisplayed(), "a folded table of contents on a phone");
    assertFalse(browser.findElement(By.cssSelector("aside .rw-toc")).isDisplayed());
    By checkIt = By.cssSelector("a[href='#check-it']");
    assertFalse(inline.findElement(checkIt).isDisplayed(), "folded at first");
    inline.findElement(By.tagName("summary")).click();
    assertTrue(inline.findElement(checkIt).isDisplayed());
    Number barHeight =
        (Number)
            Browser.js(
                browser,
                "return document.querySelector('.rw-bar').getBoundingClientRect().height;");
    assertTrue(barHeight.doubleValue() < 60, "the top bar is one line on a phone: " + barHeight);
  }

  /** The links of the search results, once the results are those of what the box holds. */
  private static List<String> hits() {
    try {
      Browser.await(browser)
          .until(
              d ->
                  Browser.js(
                      d,
                      "return document.getElementById('rw-hits').getAttribute('data-query')"
                          + " === document.getElementById('rw-q').value.trim();"));
    } catch (TimeoutException e) {
      fail("no search results: " + browser.findElement(By.id("rw-hits")).getText());
    }
    return browser.findElements(By.cssSelector("#rw-hits a")).stream()
        .map(a -> a.getAttribute("href"))
        .toList();
  }

  /** Waits a little for the filter to update {@code e}, then checks its text. */
  private static void awaitText(WebElement e, String text) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> text.equals(e.getText()));
    } catch (TimeoutException timedOut) {
      // the assertion below says what the page shows instead
    }
    assertEquals(text, e.getText());
  }

  /** The ids of the runbooks the index shows. */
  private static List<String> visibleIds(WebDriver driver) {
    return driver.findElements(By.cssSelector("li[data-rw-search]")).stream()
        .filter(WebElement::isDisplayed)
        .map(li -> li.findElement(By.cssSelector(".rw-meta code")).getText())
        .toList();
  }

  /** The value in the row of the runbook's Values table whose setting is {@code setting}. */
  private static String value(WebDriver driver, String setting) {
    return driver
        .findElement(By.xpath("//td[normalize-space()='" + setting + "']/following-sibling::td[1]"))
        .getText()
        .trim();
  }
}
