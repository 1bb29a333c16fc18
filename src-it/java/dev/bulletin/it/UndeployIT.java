package dev.bulletin.it;

import dev.bulletin.testing.TestClient;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static dev.bulletin.testing.Frames.subscribeResume;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Undeploying the application closes its connections with 1001, so clients reconnect and resume;
 * the data lives in the database, so cursors and unread notifications outlive a redeploy.
 */
class UndeployIT extends RedeployedWar {

    @Test
    void undeployClosesEveryConnectionWith1001() {
        deployer.deploy(NAME);
        try (TestClient first = TestClient.connect(URI.create(BASE.replace("http", "ws") + "ws/news"));
             TestClient second = TestClient.connect(URI.create(BASE.replace("http", "ws") + "ws/news"))) {
            first.next("welcome");
            second.next("welcome");
            deployer.undeploy(NAME);
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, first.awaitClose().getCloseCode());
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, second.awaitClose().getCloseCode());
        }
    }

    @Test
    void afterARedeployTheOldCursorResumesWithExactlyTheMissedItems() throws Exception {
        deployer.deploy(NAME);
        String topic = Server.freshTopic("redeploy");
        server.publish(topic, "before 1");
        String cursor = server.publish(topic, "before 2").getString("cursor");
        String unread = "n-redeploy-" + UUID.randomUUID();
        assertEquals(202, server.notify("{\"id\":\"" + unread + "\",\"title\":\"Kept\",\"to\":{\"users\":[\"bob\"]}}")
                .statusCode());
        deployer.undeploy(NAME);

        deployer.deploy(NAME);
        try {
            server.publish(topic, "after 1");
            server.publish(topic, "after 2");
            try (TestClient client = TestClient.connect(server.news())) {
                client.next("welcome");
                client.send(subscribeResume("r", topic, cursor));
                assertTrue(client.next("subscribed").getJsonObject("resumed").getBoolean(topic), "same epoch");
                List<String> titles = client.next("news", 2).stream()
                        .map(f -> f.getJsonObject("item").getString("title")).toList();
                assertEquals(List.of("after 1", "after 2"), titles);
                assertEquals(List.of(), client.drainUntilPong(), "nothing twice, nothing from before the cursor");
            }
            try (TestClient bob = TestClient.connect(server.notifications(), TestClient.basic("bob", "bob-secret"))) {
                bob.next("welcome");
                assertTrue(bob.drainUntilPong().stream().anyMatch(f -> "notification".equals(f.getString("type"))
                        && unread.equals(f.getJsonObject("item").getString("id"))), "the unread one is replayed");
            }
        } finally {
            deployer.undeploy(NAME);
        }
    }
}
