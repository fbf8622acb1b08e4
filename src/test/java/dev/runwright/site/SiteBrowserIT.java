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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example site in headless Chromium: the index's filter box, a runbook page's values and copy
 * buttons, the step links, and the index without JavaScript. Skipped when there is no browser,
 * unless RUNWRIGHT_REQUIRE_BROWSER is set.
 */
class SiteBrowserIT {
  // Overridable so that the skip-or-fail rule can itself be tried: -Drunwright.chromium=/nowhere
  private static final Path CHROMIUM =
      Path.of(System.getProperty("runwright.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("runwright.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SITE = Path.of("target", "browser-site");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String KEY_ARN =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  @TempDir static Path profiles;
  private static WebDriver browser;
  private static String indexUrl;

  @BeforeAll
  static void start() {
    boolean required = System.getenv("RUNWRIGHT_REQUIRE_BROWSER") != null;
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && required) {
      fail(missing() + ", and RUNWRIGHT_REQUIRE_BROWSER is set");
    }
    if (!present) {
      return; // each test is then skipped, so the report counts them
    }
    buildSite(EXAMPLE, SITE, "--quiet");
    indexUrl = SITE.resolve("index.html").toAbsolutePath().toUri().toString();
    browser = chromium("js", true);
  }

  @BeforeEach
  void needsTheBrowser() {
    assumeTrue(
        browser != null, missing() + "; set RUNWRIGHT_REQUIRE_BROWSER to fail instead of skipping");
  }

  private static String missing() {
    return "no " + CHROMIUM + " or no " + CHROMEDRIVER;
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
    screenshot(browser, "index.png");

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
    browser.findElement(By.linkText("Create the KMS policy")).click();
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
    screenshot(browser, "runbook.png");

    browser.findElement(By.partialLinkText("Create the IAM role")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/prod-use1/role/index.html"));
    assertEquals("RDSLoadFromS3", value(browser, "Role name"));
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("RDSLoadFromS3"));
  }

  @Test
  void codeIsHighlightedAndCopyCopiesItsPlainText() throws IOException {
    browser.get(SITE.resolve("prod-use1/kms/index.html").toAbsolutePath().toUri().toString());
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
    WebDriver plain = chromium("nojs", false);
    try {
      plain.get(indexUrl);
      assertFalse(plain.findElement(By.id("rw-filter")).isDisplayed(), "no filter box without JS");
      assertFalse(plain.findElement(By.id("rw-empty")).isDisplayed());
      List<WebElement> links = plain.findElements(By.cssSelector("a.rw-title"));
      assertEquals(EXAMPLE_IDS.size(), links.size());
      for (WebElement link : links) {
        assertTrue(link.isDisplayed(), link.getAttribute("href") + " is hidden");
      }
      // The runbook page works too, only without its Copy buttons: proof that JS is off.
      links.get(0).click();
      plain.findElement(By.cssSelector("main table a")).click(); // the overview's first step
      assertFalse(plain.findElements(By.cssSelector("pre")).isEmpty());
      assertEquals(List.of(), plain.findElements(By.cssSelector("button.rw-copy")));
    } finally {
      plain.quit();
    }
  }

  private static WebDriver chromium(String profile, boolean javaScript) {
    // Giving both paths keeps Selenium Manager from looking for (or downloading) a browser.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profiles.resolve(profile).toAbsolutePath(),
        "--window-size=1280,1600");
    if (!javaScript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .build();
    return new ChromeDriver(service, options);
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

  private static void screenshot(WebDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
