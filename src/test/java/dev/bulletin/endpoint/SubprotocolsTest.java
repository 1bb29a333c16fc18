package dev.bulletin.endpoint;

import dev.bulletin.BulletinConfig;
import dev.bulletin.Newsroom;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.bulletin.testing.Frames.subscribe;
import static dev.bulletin.testing.Frames.subscribeResume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bulletin.v1.json} and {@code bulletin.v1.cbor} side by side: one stream of items, whichever a client speaks. */
class SubprotocolsTest {

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

    private TestClient connect(String protocol) {
        TestClient client = TestClient.connect(server.uri(NewsEndpoint.PATH), Map.of(), protocol);
        assertEquals(protocol, client.next("welcome").getString("protocol"));
        return client;
    }

    @Test
    void aJsonAndACborSubscriberGetTheSameItemsInTheSameOrder() {
        try (var json = connect(Protocol.V1); var cbor = connect(Protocol.V1_CBOR)) {
            json.send(subscribe("1", "world"));
            json.next("subscribed");
            cbor.send(subscribe("1", "world"));
            cbor.next("subscribed");

            IntStream.range(0, 50).forEach(i -> newsroom.publish(NewsDraft.of("world", "item " + i)));

            List<JsonObject> viaJson = json.next("news", 50);
            List<JsonObject> viaCbor = cbor.next("news", 50);
            assertEquals(viaJson, viaCbor, "the same frames, member for member");
            assertEquals("item 49", viaCbor.get(49).getJsonObject("item").getString("title"));
            assertEquals(List.of(), cbor.drainUntilPong());
        }
    }

    @Test
    void aCursorFromOneSubprotocolResumesInTheOther() {
        String cursor;
        try (var cbor = connect(Protocol.V1_CBOR)) {
            cbor.send(subscribe("1", "world"));
            cbor.next("subscribed");
            newsroom.publish(NewsDraft.of("world", "seen"));
            cursor = cbor.next("news").getString("cursor");
        }
        IntStream.rangeClosed(1, 3).forEach(i -> newsroom.publish(NewsDraft.of("world", "missed " + i)));
        try (var json = connect(Protocol.V1)) {
            json.send(subscribeResume("r", "world", cursor));
            assertTrue(json.next("subscribed").getJsonObject("resumed").getBoolean("world"));
            assertEquals(List.of("missed 1", "missed 2", "missed 3"),
                    json.next("news", 3).stream().map(f -> f.getJsonObject("item").getString("title")).toList());
            assertEquals(List.of(), json.drainUntilPong());
        }
    }
}
