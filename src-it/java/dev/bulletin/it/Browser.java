package dev.bulletin.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: both found at fixed paths,
 * so Selenium never downloads a browser or a driver.
 */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    Browser() throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1200,900",
                // the pages' heartbeat timers must keep their pace in every tab, however busy the machine
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens the page, and records every state its news socket goes through from then on (see {@link #awaitState}). */
    void open(String url) {
        driver.get(url);
        driver.executeScript("""
                const shown = document.getElementById('state');
                if (shown && !window.bulletinStates) {
                  window.bulletinStates = [shown.dataset.state];
                  new MutationObserver(() => window.bulletinStates.push(shown.dataset.state))
                    .observe(shown, { attributes: true, attributeFilter: ['data-state'] });
                }""");
    }

    /**
     * Waits until the page's news socket has been in this state since the state awaited last, so that
     * a state shorter than a poll (reconnecting after a short backoff) is not missed.
     */
    void awaitState(String state) {
        wait.until(page -> (Boolean) driver.executeScript("""
                const seen = window.bulletinStates ?? [];
                const at = seen.indexOf(arguments[0]);
                if (at < 0) {
                  return false;
                }
                seen.splice(0, at + 1);
                return true;""", state));
    }

    /** Waits until an element with this text is in the news list, and returns the list's titles. */
    List<String> awaitNews(String title) {
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ul[@id='news']/li[*[normalize-space()='" + title + "']]")));
        return newsTitles();
    }

    List<String> newsTitles() {
        return driver.findElements(By.cssSelector("#news li > :first-child")).stream().map(WebElement::getText).toList();
    }

    void signIn(String user, String password) {
        driver.findElement(By.name("user")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#sign-in button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bell")));
    }

    /** Waits until the notification with this id is shown as read. */
    void awaitRead(String id) {
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#notifications li[data-id='" + id + "']"),
                "class", "read"));
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Saves what the page shows to target/screenshots/NAME.png. */
    void screenshot(String name) throws IOException {
        Path target = Files.createDirectories(Path.of("target/screenshots")).resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Quits the browser, and fails if the page threw an exception or logged an error to the console.
     * What the browser itself reports of the network (a refused request, a socket dropped on purpose
     * by the test) is the test's doing, not the page's fault.
     */
    @Override
    public void close() {
        List<String> errors;
        try {
            errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage)
                    .filter(message -> !message.contains("Failed to load resource")
                            && !message.contains("WebSocket connection to"))
                    .toList();
        } finally {
            driver.quit();
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("the page threw or logged errors: " + errors);
        }
    }
}
