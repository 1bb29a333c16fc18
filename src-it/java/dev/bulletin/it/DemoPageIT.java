package dev.bulletin.it;

import dev.bulletin.testing.FreezingProxy;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The demo page and bulletin.js in a real browser (Debian's headless Chromium) against the WAR on WildFly. */
class DemoPageIT extends RedeployedWar {

    @Test
    void aPublishedItemAppearsWithoutAReload() throws Exception {
        deployer.deploy(NAME);
        String topic = Server.freshTopic("page");
        try (Browser browser = new Browser()) {
            server.publish(topic, "Before the visit");
            browser.open(BASE + "?topics=" + topic + ",tech");
            browser.awaitState("connected");
            browser.awaitNews("Before the visit");
            assertEquals(201, server.post("api/news", "{\"topic\":\"" + topic + "\",\"title\":\"Live while the page is open\","
                    + "\"priority\":\"urgent\",\"url\":\"https://example.org/live\"}").statusCode());
            assertEquals(List.of("Live while the page is open", "Before the visit"),
                    browser.awaitNews("Live while the page is open"));
            assertEquals("https://example.org/live", browser.driver()
                    .findElement(By.linkText("Live while the page is open")).getAttribute("href"));
            String markup = "<img src=x onerror=document.title=1> <b>not bold</b>";
            server.publish(topic, markup);
            assertEquals(markup, browser.awaitNews(markup).get(0), "markup in a title is shown as text");
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector("#news img, #news b")));
            browser.screenshot("demo-page");
        } finally {
            deployer.undeploy(NAME);
        }
    }

    @Test
    void afterTheServerDropsTheConnectionThePageCatchesUpOnce() throws Exception {
        deployer.deploy(NAME);
        String topic = Server.freshTopic("drop");
        try (Browser browser = new Browser()) {
            browser.open(BASE + "?topics=" + topic);
            browser.awaitState("connected");
            server.publish(topic, "one");
            browser.awaitNews("one");

            deployer.undeploy(NAME); // every socket closes with 1001
            browser.awaitState("reconnecting");
            browser.screenshot("demo-page-reconnecting");
            deployer.deploy(NAME);
            server.publish(topic, "two");
            server.publish(topic, "three");
            browser.awaitState("connected");
            assertEquals(List.of("three", "two", "one"), browser.awaitNews("three"));
        } finally {
            deployer.undeploy(NAME);
        }
    }

    @Test
    void aConnectionThatGoesSilentIsReplacedByThePage() throws Exception {
        deployer.deploy(NAME);
        String topic = Server.freshTopic("silent");
        try (FreezingProxy proxy = new FreezingProxy(8080); Browser browser = new Browser()) {
            browser.open("http://127.0.0.1:" + proxy.port() + "/bulletin/?topics=" + topic);
            browser.awaitState("connected");
            proxy.freeze(); // the socket's path goes quiet, without a close
            server.publish(topic, "sent into the silence");
            browser.awaitState("reconnecting");
            browser.awaitState("connected");
            assertEquals(List.of("sent into the silence"), browser.awaitNews("sent into the silence"));
        } finally {
            deployer.undeploy(NAME);
        }
    }

    @Test
    void markingANotificationReadInOneTabUpdatesTheOther() throws Exception {
        deployer.deploy(NAME);
        try (Browser browser = new Browser()) {
            browser.open(BASE);
            browser.signIn(Server.BOB, "bob-secret");
            assertFalse(browser.driver().findElement(By.id("sign-in")).isDisplayed(), "signed in: the form is gone");
            String first = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(BASE);
            browser.signIn(Server.BOB, "bob-secret");
            String second = browser.driver().getWindowHandle();

            String id = "n-page-" + UUID.randomUUID();
            assertEquals(202, server.notify("{\"id\":\"" + id + "\",\"title\":\"Seen in both tabs\",\"to\":{\"users\":[\"bob\"]}}")
                    .statusCode());
            browser.click(By.id("bell"));
            browser.click(By.cssSelector("li[data-id='" + id + "'] button"));

            browser.driver().switchTo().window(first);
            browser.click(By.id("bell"));
            browser.screenshot("demo-page-notifications");
            browser.awaitRead(id);
            browser.driver().switchTo().window(second);
            browser.awaitRead(id);
        } finally {
            deployer.undeploy(NAME);
        }
    }

    @Test
    void thePageWorksOverCborBesideATabOverJson() throws Exception {
        deployer.deploy(NAME);
        String topic = Server.freshTopic("cbor");
        try (Browser browser = new Browser()) {
            server.publish(topic, "Replayed in CBOR");
            browser.open(BASE + "?protocol=cbor&topics=" + topic);
            browser.awaitState("connected");
            assertEquals("CBOR", browser.driver().findElement(By.id("protocol")).getText());
            browser.awaitNews("Replayed in CBOR");
            server.publish(topic, "Live in CBOR");
            assertEquals(List.of("Live in CBOR", "Replayed in CBOR"), browser.awaitNews("Live in CBOR"));
            browser.signIn(Server.BOB, "bob-secret");
            String cbor = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(BASE);
            browser.signIn(Server.BOB, "bob-secret");

            String id = "n-cbor-" + UUID.randomUUID();
            assertEquals(202, server.notify("{\"id\":\"" + id + "\",\"title\":\"Seen over CBOR\",\"to\":{\"users\":[\"bob\"]}}")
                    .statusCode());
            browser.click(By.id("bell"));
            browser.click(By.cssSelector("li[data-id='" + id + "'] button")); // read in the JSON tab

            browser.driver().switchTo().window(cbor);
            browser.click(By.id("bell"));
            browser.awaitRead(id);
        } finally {
            deployer.undeploy(NAME);
        }
    }
}
