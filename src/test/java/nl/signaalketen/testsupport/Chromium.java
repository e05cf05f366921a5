package nl.signaalketen.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium and ChromeDriver (Debian packages chromium, chromium-driver), never a
 * downloaded one: with both paths given, Selenium Manager is not consulted. Skips where absent.
 */
public final class Chromium {

  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  public static WebDriver start() {
    assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "Browser test skipped: no system Chromium at " + BROWSER + " with " + DRIVER
            + " (install the Debian packages chromium and chromium-driver; .ci/run does)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // The flags keep headless Chromium off the network and working as root in a container.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1280,1400", "--lang=nl");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /** Keeps what the browser showed, for a person to look at after the build. */
  public static void screenshot(WebDriver browser, String name) {
    try {
      Path target = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(target.getParent());
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("Could not save screenshot " + name, e);
    }
  }
}
