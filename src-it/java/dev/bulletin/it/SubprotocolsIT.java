package dev.bulletin.it;

import dev.bulletin.protocol.Protocol;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.bulletin.it.Server.ALICE;
import static dev.bulletin.it.Server.PUBLISHER;
import static dev.bulletin.testing.Frames.publish;
import static dev.bulletin.testing.Frames.subscribe;
import static dev.bulletin.testing.Frames.subscribeRecent;
import static dev.bulletin.testing.Frames.subscribeResume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every frame type over {@code bulletin.v1.json} and {@code bulletin.v1.cbor} on a real server (WildFly,
 * and Payara in the payara profile), with the WAR that Maven built, over real sockets from outside.
 */
class SubprotocolsIT extends DeployedWar {

    private TestClient connect(URI uri, String user, String protocol) {
        TestClient client = TestClient.connect(uri, user == null ? Map.of() : TestClient.basic(user, user + "-secret"), protocol);
        JsonObject welcome = client.next("welcome");
        assertEquals(protocol, welcome.getString("protocol"));
        assertEquals(protocol, client.session().getNegotiatedSubprotocol());
        return client;
    }

    @ParameterizedTest
    @ValueSource(strings = {Protocol.V1, Protocol.V1_CBOR})
    void everyNewsFrameTypeGoesBothWays(String protocol) {
        String topic = Server.freshTopic("frames");
        server.publish(topic, "before");
        try (TestClient client = connect(server.news(), PUBLISHER, protocol)) {
            client.send(subscribeRecent("s", 1, topic));
            assertEquals("s", client.next("subscribed").getString("ref"));
            JsonObject replayed = client.next("news");
            assertTrue(replayed.getBoolean("replay"));
            assertEquals("before", replayed.getJsonObject("item").getString("title"));

            client.send(publish("p", topic, "over the socket"));
            // the reply and the item's live delivery may come in either order
            List<JsonObject> two = List.of(client.next(), client.next());
            JsonObject published = ofType(two, "published");
            JsonObject live = ofType(two, "news");
            assertEquals("p", published.getString("ref"));
            assertEquals(published.getString("cursor"), live.getString("cursor"));
            assertEquals("over the socket", live.getJsonObject("item").getString("title"));

            client.send("{\"type\":\"subscribe\",\"ref\":\"bad\",\"topics\":[\"Not A Topic\"]}");
            assertEquals("bad-topic", client.next("error").getString("code"));
            client.send("{\"type\":\"ping\",\"ref\":\"q\"}");
            assertEquals("q", client.next("pong").getString("ref"));
            client.send("{\"type\":\"unsubscribe\",\"ref\":\"u\",\"topics\":[\"" + topic + "\"]}");
            assertEquals("u", client.next("unsubscribed").getString("ref"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Protocol.V1, Protocol.V1_CBOR})
    void everyNotificationFrameTypeGoesBothWays(String protocol) {
        String first = "sub-" + UUID.randomUUID();
        String second = "sub-" + UUID.randomUUID();
        try (TestClient phone = connect(server.notifications(), ALICE, protocol);
             TestClient laptop = connect(server.notifications(), ALICE, Protocol.V1)) {
            phone.drainUntilPong();
            laptop.drainUntilPong();
            for (String id : List.of(first, second)) {
                assertEquals(202, server.notify("{\"id\":\"" + id + "\",\"title\":\"Paid\",\"to\":{\"users\":[\"alice\"]}}")
                        .statusCode());
                NotificationsIT.awaitNotification(phone, id);
                NotificationsIT.awaitNotification(laptop, id);
            }
            phone.send("{\"type\":\"ack\",\"ref\":\"a\",\"ids\":[\"" + first + "\"]}");
            assertEquals("a", phone.next("acked").getString("ref"));
            assertEquals(first, laptop.next("read").getJsonArray("ids").getString(0));
            laptop.send("{\"type\":\"ack\",\"ref\":\"b\",\"ids\":[\"" + second + "\"]}");
            assertEquals("b", laptop.next("acked").getString("ref"));
            assertEquals(second, phone.next("read").getJsonArray("ids").getString(0), "read, in the phone's subprotocol");
        }
    }

    @Test
    void aJsonAndACborSubscriberGetTheSameItemsAndACursorResumesAcross() {
        String topic = Server.freshTopic("mixed");
        String cursor;
        try (TestClient json = connect(server.news(), null, Protocol.V1);
             TestClient cbor = connect(server.news(), null, Protocol.V1_CBOR)) {
            json.send(subscribe("s", topic));
            json.next("subscribed");
            cbor.send(subscribe("s", topic));
            cbor.next("subscribed");
            IntStream.range(0, 20).forEach(i -> server.publish(topic, "item " + i));
            List<JsonObject> viaJson = json.next("news", 20);
            assertEquals(viaJson, cbor.next("news", 20));
            cursor = viaJson.get(9).getString("cursor");
        }
        try (TestClient cbor = connect(server.news(), null, Protocol.V1_CBOR)) {
            cbor.send(subscribeResume("r", topic, cursor));
            assertTrue(cbor.next("subscribed").getJsonObject("resumed").getBoolean(topic));
            assertEquals("item 10", cbor.next("news").getJsonObject("item").getString("title"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Protocol.V1, Protocol.V1_CBOR})
    void aMessageOfTheOtherKindClosesWith1003(String protocol) {
        try (TestClient client = connect(server.news(), null, protocol)) {
            client.sendOtherKind();
            assertEquals(CloseReason.CloseCodes.CANNOT_ACCEPT, client.awaitClose().getCloseCode());
        }
    }

    private static JsonObject ofType(List<JsonObject> frames, String type) {
        return frames.stream().filter(frame -> type.equals(frame.getString("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " frame in " + frames));
    }
}
