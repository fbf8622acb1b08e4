package dev.runwright.site;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests (Debian's chromium and chromedriver), with what they
 * emulate through the DevTools protocol: a phone's viewport, dark mode, print media.
 */
final class Browser {
  private Browser() {}

  // Overridable so that the skip-or-fail rule can itself be tried: -Drunwright.chromium=/nowhere
  static final Path CHROMIUM =
      Path.of(System.getProperty("runwright.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("runwright.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** axe-core, as tools/validators installs it; -Drunwright.axe=FILE names another copy. */
  static final Path AXE =
      Path.of(
          System.getProperty("runwright.axe", "tools/validators/node_modules/axe-core/axe.min.js"));

  static boolean present() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  static String missing() {
    return "no " + CHROMIUM + " or no " + CHROMEDRIVER;
  }

  /** Fails when there is no browser and RUNWRIGHT_REQUIRE_BROWSER is set; else says if there is. */
  static boolean require() {
    boolean required = System.getenv("RUNWRIGHT_REQUIRE_BROWSER") != null;
    if (!present() && required) {
      fail(missing() + ", and RUNWRIGHT_REQUIRE_BROWSER is set");
    }
    return present();
  }

  static ChromeDriver chromium(Path profile, boolean javaScript) {
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
        "--hide-scrollbars",
        "--user-data-dir=" + profile.toAbsolutePath(),
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

  static String url(Path file) {
    return file.toAbsolutePath().toUri().toString();
  }

  static Object js(WebDriver d, String script, Object... args) {
    return ((JavascriptExecutor) d).executeScript(script, args);
  }

  static WebDriverWait await(WebDriver d) {
    return new WebDriverWait(d, Duration.ofSeconds(10));
  }

  /** A viewport {@code width} by {@code height}; a phone's (touch, viewport meta) when mobile. */
  static void viewport(ChromeDriver d, int width, int height, boolean mobile) {
    d.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** Media type ("screen", "print" or "" for none) and {@code prefers-color-scheme}. */
  static void media(ChromeDriver d, String type, String colorScheme) {
    d.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "media",
            type,
            "features",
            List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
  }

  /** Back to the window's own size, screen media and the light scheme. */
  static void reset(ChromeDriver d) {
    d.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    media(d, "", "light");
  }

  static void screenshot(WebDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The page as Chromium prints it, into {@code target/screenshots/NAME}. */
  static void pdf(ChromeDriver d, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> r = d.executeCdpCommand("Page.printToPDF", Map.of("printBackground", true));
    Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) r.get("data")));
  }
}
