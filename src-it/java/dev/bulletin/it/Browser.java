package dev.bulletin.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

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
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits until the page says its news socket is in this state. */
    void awaitState(String state) {
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", state));
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

    @Override
    public void close() {
        driver.quit();
    }
}
