package dev.bulletin.endpoint;

import dev.bulletin.protocol.StreamId;
import dev.bulletin.BulletinConfig;
import dev.bulletin.Newsroom;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.bulletin.testing.Frames.publish;
import static dev.bulletin.testing.Frames.subscribe;
import static dev.bulletin.testing.Frames.subscribeRecent;
import static dev.bulletin.testing.Frames.subscribeResume;
import static dev.bulletin.testing.Frames.unsubscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /ws/news} over real sockets on embedded Tyrus, frame by frame as PROTOCOL.md lists them, in each subprotocol. */
@ParameterizedClass
@ValueSource(strings = {Protocol.V1, Protocol.V1_CBOR})
class NewsEndpointTest {

    @Parameter
    String protocol;

    private EmbeddedServer server;
    private Newsroom newsroom;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS);
        newsroom = server.bulletin().newsroom();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestClient connect() {
        TestClient client = TestClient.connect(server.uri(NewsEndpoint.PATH), Map.of(), protocol);
        client.next("welcome");
        return client;
    }

    private String publishTitled(String topic, String title) {
        return newsroom.publish(NewsDraft.of(topic, title)).news().cursor().toString();
    }

    @Test
    void welcomesWithProtocolSessionAndLimits() {
        try (var client = TestClient.connect(server.uri(NewsEndpoint.PATH), Map.of(), protocol)) {
            JsonObject welcome = client.next("welcome");
            assertEquals(protocol, welcome.getString("protocol"));
            assertEquals(protocol, client.session().getNegotiatedSubprotocol());
            assertTrue(welcome.getString("session").startsWith("s-"));
            assertTrue(welcome.isNull("user"), "user is null on /ws/news");
            assertEquals(30_000, welcome.getJsonNumber("heartbeat").longValue());
            assertEquals(65_536, welcome.getJsonObject("limits").getInt("maxMessageBytes"));
            assertEquals(100, welcome.getJsonObject("limits").getInt("maxTopics"));
        }
    }

    @Test
    void deliversLiveNewsToSubscribersOfTheTopicOnly() {
        try (var world = connect(); var tech = connect()) {
            world.send(subscribe("1", "world"));
            JsonObject subscribed = world.next("subscribed");
            assertEquals("1", subscribed.getString("ref"));
            assertEquals(List.of("world"), strings(subscribed, "topics"));
            tech.send(subscribe("2", "tech"));
            tech.next("subscribed");

            String cursor = publishTitled("world", "Quake");

            JsonObject news = world.next("news");
            assertEquals("world", news.getString("topic"));
            assertEquals(cursor, news.getString("cursor"));
            assertFalse(news.getBoolean("replay"));
            assertEquals("Quake", news.getJsonObject("item").getString("title"));
            assertEquals("normal", news.getJsonObject("item").getString("priority"));
            assertEquals(List.of(), tech.drainUntilPong(), "tech must not get world news");
        }
    }

    @Test
    void replaysTheRecentItemsBeforeLiveOnes() {
        IntStream.rangeClosed(1, 5).forEach(i -> publishTitled("world", "item " + i));
        try (var client = connect()) {
            client.send(subscribeRecent("r", 2, "world"));
            client.next("subscribed");
            List<JsonObject> replayed = client.next("news", 2);
            assertEquals(List.of("item 4", "item 5"), titles(replayed));
            assertTrue(replayed.stream().allMatch(f -> f.getBoolean("replay")));

            publishTitled("world", "item 6");
            JsonObject live = client.next("news");
            assertEquals("item 6", live.getJsonObject("item").getString("title"));
            assertFalse(live.getBoolean("replay"));
        }
    }

    @Test
    void resumesExactlyAfterTheCursor() {
        List<String> cursors = IntStream.rangeClosed(1, 5).mapToObj(i -> publishTitled("world", "item " + i)).toList();
        try (var client = connect()) {
            client.send(subscribeResume("r", "world", cursors.get(1)));
            JsonObject subscribed = client.next("subscribed");
            assertTrue(subscribed.getJsonObject("resumed").getBoolean("world"));
            assertEquals(List.of("item 3", "item 4", "item 5"), titles(client.next("news", 3)));
            assertEquals(List.of(), client.drainUntilPong());
        }
    }

    @Test
    void aCursorFromAnotherStartIsNotResumed() {
        publishTitled("world", "item 1");
        try (var client = connect()) {
            client.send(subscribeResume("r", "world", "0000dead:1"));
            JsonObject subscribed = client.next("subscribed");
            assertFalse(subscribed.getJsonObject("resumed").getBoolean("world"));
            assertEquals(List.of(), client.drainUntilPong(), "nothing is replayed when resume fails");
        }
    }

    @Test
    void unsubscribedTopicsDeliverNothingMore() {
        try (var client = connect()) {
            client.send(subscribe("1", "world", "tech"));
            client.next("subscribed");
            client.send(unsubscribe("2", "world"));
            JsonObject unsubscribed = client.next("unsubscribed");
            assertEquals("2", unsubscribed.getString("ref"));
            assertEquals(List.of("world"), strings(unsubscribed, "topics"));

            publishTitled("world", "gone");
            publishTitled("tech", "kept");
            assertEquals(List.of("kept"), titles(client.drainUntilPong()));
        }
    }

    @Test
    void answersPingWithPongAndTheTime() {
        try (var client = connect()) {
            Instant before = Instant.now();
            client.send("{\"type\":\"ping\",\"ref\":\"p1\"}");
            JsonObject pong = client.next("pong");
            Instant time = Instant.parse(pong.getString("time"));
            assertEquals("p1", pong.getString("ref"));
            assertFalse(time.isBefore(before) || time.isAfter(Instant.now()), "the server's time of the answer: " + time);
        }
    }

    @Test
    void publishingNeedsThePublisherRole() {
        try (var client = connect()) {
            client.send(subscribe("1", "world"));
            client.next("subscribed");
            client.send(publish("p", "world", "Not yours"));
            JsonObject error = client.next("error");
            assertEquals("p", error.getString("ref"));
            assertEquals("forbidden", error.getString("code"));
            assertEquals(List.of(), client.drainUntilPong(), "nothing was published");
        }
    }

    @Test
    void badFramesGetErrorFramesAndTheConnectionStaysOpen() {
        try (var client = connect()) {
            client.sendMalformed();
            assertError(client.next("error"), null, "bad-request");
            assertError(client, "[1,2]", null, "bad-request");
            assertError(client, "{\"ref\":\"a\"}", "a", "bad-request");
            assertError(client, "{\"type\":\"subscrib\",\"ref\":\"b\"}", "b", "unknown-type");
            assertError(client, "{\"type\":\"subscribe\",\"ref\":\"c\"}", "c", "bad-request");
            assertError(client, subscribe("d", "../etc"), "d", "bad-topic");
            assertError(client, subscribe("e", "World"), "e", "bad-topic");
            assertError(client, "{\"type\":\"subscribe\",\"ref\":\"f\",\"topics\":[\"a\"],\"recent\":101}", "f",
                    "bad-request");
            assertError(client, "{\"type\":\"ack\",\"ref\":\"g\",\"ids\":[\"n-1\"]}", "g", "bad-request");
            client.send("{\"type\":\"ping\",\"ref\":\"alive\"}");
            assertEquals("alive", client.next("pong").getString("ref"));
        }
    }

    @Test
    void moreThanMaxTopicsIsRefusedWhole() {
        String[] topics = IntStream.range(0, 101).mapToObj(i -> "t" + i).toArray(String[]::new);
        try (var client = connect()) {
            assertError(client, subscribe("m", topics), "m", "too-many-topics");
            assertEquals(0, server.bulletin().hub().stats().subscriptions());
        }
    }

    @Test
    void aMessageOfTheKindTheSubprotocolDoesNotUseClosesWith1003() {
        try (var client = connect()) {
            client.sendOtherKind();
            assertEquals(CloseReason.CloseCodes.CANNOT_ACCEPT, client.awaitClose().getCloseCode());
        }
    }

    @Test
    void aMessageOverTheLimitClosesWith1009() {
        try (var client = connect()) {
            client.send("{\"type\":\"ping\",\"ref\":\"" + "x".repeat(Protocol.MAX_MESSAGE_BYTES) + "\"}");
            assertEquals(CloseReason.CloseCodes.TOO_BIG, client.awaitClose().getCloseCode());
        }
    }

    @Test
    void stoppingClosesEveryConnectionWith1001() {
        try (var first = connect(); var second = connect()) {
            server.bulletin().stop();
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, first.awaitClose().getCloseCode());
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, second.awaitClose().getCloseCode());
        }
    }

    @Test
    void aClientThatNeverReadsIsEvictedWith1013AndTheOthersGetEverything() throws Exception {
        server.close();
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withQueueBound(16));
        newsroom = server.bulletin().newsroom();
        String body = "x".repeat(4_000);
        try (var reader = connect(); var stalled = RawWebSocket.open(server.uri(NewsEndpoint.PATH), Map.of(), 4_096)) {
            reader.send(subscribe("1", "flood"));
            reader.next("subscribed");
            stalled.sendText(subscribe("1", "flood"));
            org.awaitility.Awaitility.await().until(() -> server.bulletin().hub().subscriberCount(StreamId.topic("flood")) == 2);

            int items = 2_000;
            for (int i = 0; i < items; i++) {
                newsroom.publish(new NewsDraft("flood", "item " + i, body, null, null, null, null));
            }
            List<JsonObject> received = reader.next("news", items);
            assertEquals("item " + (items - 1), received.get(items - 1).getJsonObject("item").getString("title"));
            assertEquals(1, server.bulletin().hub().stats().evicted());
            assertEquals(1, server.bulletin().hub().subscriberCount(StreamId.topic("flood")));
            assertEquals(1013, stalled.readUntil(RawWebSocket.CLOSE).closeCode());
        }
    }

    @Test
    void aClientThatAnswersNoPingsIsClosedAfterTwoHeartbeats() throws Exception {
        server.close();
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withHeartbeatMillis(200));
        try (var healthy = connect(); var silent = RawWebSocket.open(server.uri(NewsEndpoint.PATH))) {
            assertEquals(RawWebSocket.PING, silent.readUntil(RawWebSocket.PING).opcode());
            assertEquals(1001, silent.readUntil(RawWebSocket.CLOSE).closeCode());
            org.awaitility.Awaitility.await().until(() -> server.bulletin().hub().stats().sessions() == 1);
            healthy.send("{\"type\":\"ping\",\"ref\":\"still\"}");
            assertEquals("still", healthy.next("pong").getString("ref"), "a client that answers pings stays");
        }
    }

    @Test
    void aClientThatVanishesWithoutACloseLeavesNothingBehind() throws Exception {
        try (var vanishing = RawWebSocket.open(server.uri(NewsEndpoint.PATH))) {
            vanishing.readUntil(RawWebSocket.TEXT);
            vanishing.sendText(subscribe("1", "world", "tech"));
            org.awaitility.Awaitility.await().until(() -> server.bulletin().hub().subscriberCount(StreamId.topic("tech")) == 1);
        } // the socket is closed with no close frame
        org.awaitility.Awaitility.await().until(() -> server.bulletin().hub().stats().sessions() == 0);
        assertEquals(0, server.bulletin().hub().subscriberCount(StreamId.topic("world")));
        assertEquals(0, server.bulletin().hub().subscriberCount(StreamId.topic("tech")));
        assertEquals(0, server.bulletin().hub().stats().subscriptions());
    }

    private static void assertError(TestClient client, String frame, String ref, String code) {
        client.send(frame);
        assertError(client.next("error"), ref, code);
    }

    private static void assertError(JsonObject error, String ref, String code) {
        assertEquals(code, error.getString("code"), error.toString());
        if (ref == null) {
            assertFalse(error.containsKey("ref"));
        } else {
            assertEquals(ref, error.getString("ref"));
        }
        assertFalse(error.getString("message").isBlank());
    }

    private static List<String> strings(JsonObject frame, String field) {
        return frame.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toList());
    }

    private static List<String> titles(List<JsonObject> frames) {
        return frames.stream().map(f -> f.getJsonObject("item").getString("title")).toList();
    }
}
