package dev.bulletin.it;

import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static dev.bulletin.it.Server.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * examples/orders, a host application with its own REST API, entity and persistence unit, that adds
 * Bulletin as one dependency and notifies in its own transactions: what it commits is delivered
 * once, what it rolls back never.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrdersIT {

    @ArquillianResource
    URL base;

    Server server;

    /** The WAR the example's own build made, against this build's library. */
    @Deployment(testable = false)
    static WebArchive orders() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("orders.war")));
    }

    @BeforeEach
    void server() throws MalformedURLException {
        // the WAR's context root, named here: Payara Micro's container reports no context for this WAR
        // (it finds no servlet of its own to read one from) and gives the server's root
        server = new Server(new URL(base, "/orders/"));
    }

    @Test
    void theApplicationsApiAndBulletinsLiveSideBySide() {
        assertEquals(404, server.fetch("api/orders/none").statusCode(), "the application's own resource answers");
        assertEquals(200, server.fetch("bulletin/api/topics").statusCode(), "Bulletin's API, where web.xml moved it");
        assertEquals(404, server.fetch("api/topics").statusCode(), "and not also under the application's path");
        assertEquals(200, server.fetch("bulletin.js").statusCode(), "the browser client, from the library's jar");
    }

    @Test
    void anOrderCommittedIsToldOnceAndOneRolledBackNever() {
        try (TestClient alice = connect(); TestClient sales = TestClient.connect(server.news())) {
            sales.next("welcome");
            sales.send("{\"type\":\"subscribe\",\"ref\":\"s\",\"topics\":[\"sales\"]}");
            sales.next("subscribed");
            assertEquals(402, place("a declined bicycle", true).statusCode());
            JsonObject order = Server.json(place("a tandem", false).body());
            assertEquals("placed", order.getString("state"));

            assertEquals(List.of("a tandem"), bodiesUntil(alice, "placed-" + order.getString("id")),
                    "the committed order, and nothing of the declined one before it");
            List<String> news = new ArrayList<>();
            do {
                news.add(sales.next("news").getJsonObject("item").getString("title"));
            } while (!news.get(news.size() - 1).equals("Someone bought a tandem"));
            assertEquals(List.of(), news.stream().filter(title -> title.contains("declined")).toList());
        }
    }

    @Test
    void aNoticeWithTheSameIdTwiceIsToldOnce() {
        try (TestClient alice = connect()) {
            String id = Server.json(place("a kettle", false).body()).getString("id");
            bodiesUntil(alice, "placed-" + id);
            assertEquals(200, ship(id).statusCode());
            assertEquals(200, ship(id).statusCode()); // committed twice, with the notice's id "shipped-<order>"
            String marker = Server.json(place("a marker", false).body()).getString("id");

            assertEquals(List.of("Order shipped", "Order received"), alice.itemsUntil("notification", "placed-" + marker)
                    .stream().map(item -> item.getString("title")).toList());
        }
    }

    private TestClient connect() {
        TestClient client = TestClient.connect(server.notifications(), TestClient.basic(ALICE, ALICE + "-secret"));
        client.next("welcome");
        client.drainUntilPong(); // the replay of unread notices from earlier tests
        return client;
    }

    private HttpResponse<String> place(String item, boolean decline) {
        return Server.send(server.as(ALICE, "api/orders" + (decline ? "?decline=true" : ""))
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"" + item + "\"}")));
    }

    private HttpResponse<String> ship(String id) {
        return Server.send(server.as(ALICE, "api/orders/" + id + "/ship").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The bodies of the notifications up to the one with this id. */
    private static List<String> bodiesUntil(TestClient client, String id) {
        return client.itemsUntil("notification", id).stream().map(item -> item.getString("body")).toList();
    }
}
