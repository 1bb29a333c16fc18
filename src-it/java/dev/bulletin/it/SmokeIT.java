package dev.bulletin.it;

import dev.bulletin.protocol.Protocol;
import dev.bulletin.testing.HugeMessages;
import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static dev.bulletin.testing.Frames.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The few things that prove the WAR works on a server: run against one already started with the
 * WAR deployed ({@code -Dbulletin.url}), by servers/smoke for GlassFish, Open Liberty and TomEE.
 */
class SmokeIT {

    private Server server;

    @BeforeEach
    void server() throws Exception {
        server = new Server(URI.create(System.getProperty("bulletin.url", "http://127.0.0.1:8080/bulletin/")).toURL());
    }

    @ParameterizedTest
    @ValueSource(strings = {Protocol.V1, Protocol.V1_CBOR})
    void aClientIsWelcomedInTheSubprotocolItChose(String protocol) {
        try (TestClient client = TestClient.connect(server.news(), Map.of(), protocol)) {
            JsonObject welcome = client.next("welcome");
            assertEquals(protocol, welcome.getString("protocol"));
            assertEquals(65_536, welcome.getJsonObject("limits").getInt("maxMessageBytes"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Protocol.V1, Protocol.V1_CBOR})
    void aRestPublishReachesASubscriber(String protocol) {
        String topic = Server.freshTopic("smoke");
        try (TestClient client = TestClient.connect(server.news(), Map.of(), protocol)) {
            client.next("welcome");
            client.send(subscribe("s", topic));
            client.next("subscribed");
            JsonObject published = server.publish(topic, "Smoke");
            JsonObject news = client.next("news");
            assertEquals(published.getString("cursor"), news.getString("cursor"));
            assertEquals("Smoke", news.getJsonObject("item").getString("title"));
        }
    }

    @Test
    void aHugeMessageInFragmentsIsRefusedWhileItIsStillArriving() throws Exception {
        // Open Liberty closes its socket right after the 1009, and the reset that answers the rest can overtake it
        HugeMessages.assertFragmentsRefusedWhileArriving(server.news(), "liberty".equals(System.getProperty("smoke.server")));
    }

    @Test
    void aHugeFrameIsRefusedWhileItIsStillArriving() throws Exception {
        assumeFalse("liberty".equals(System.getProperty("smoke.server")), "Open Liberty reads a frame whole before any"
                + " handler sees a part of it, and has no setting that bounds it (SECURITY.md)");
        HugeMessages.assertOneFrameRefusedWhileArriving(server.news());
    }

    @Test
    void aForeignOriginIsRefused403() throws Exception {
        try (RawWebSocket foreign = RawWebSocket.open(server.news(), Map.of("Origin", "http://evil.example"), 0)) {
            assertEquals(403, foreign.status());
        }
    }

    @Test
    void aNotificationReachesItsUserThroughATicket() {
        String id = "n-smoke-" + UUID.randomUUID();
        try (TestClient alice = TestClient.connect(server.notifications(server.ticket(Server.ALICE)))) {
            assertEquals(Server.ALICE, alice.next("welcome").getString("user"));
            assertEquals(202, server.notify("{\"id\":\"" + id + "\",\"title\":\"Smoke\",\"to\":{\"users\":[\"alice\"]}}")
                    .statusCode());
            assertEquals("Smoke", NotificationsIT.awaitNotification(alice, id).getJsonObject("item").getString("title"));
        }
    }
}
