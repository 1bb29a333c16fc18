package dev.bulletin.endpoint;

import dev.bulletin.BulletinConfig;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.testing.HostileFrame;
import dev.bulletin.testing.HugeMessages;
import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.bulletin.testing.Frames.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hostile frame against embedded Tyrus (Payara's and GlassFish's WebSocket implementation):
 * the attacker is closed as RFC 6455 says, and a bystander keeps receiving. Tyrus parts from the
 * RFC once more than Undertow: it reads an unmasked client frame like any other.
 */
class HostileFramesTest {

    private static EmbeddedServer server;
    private static TestClient bystander;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withHeartbeatMillis(1_000));
        bystander = TestClient.connect(server.uri(NewsEndpoint.PATH));
        bystander.next("welcome");
        bystander.send(subscribe("1", "world"));
        bystander.next("subscribed");
    }

    @AfterAll
    static void stop() {
        bystander.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(HostileFrame.class)
    void theAttackerIsClosedAndABystanderKeepsReceiving(HostileFrame frame) throws Exception {
        try (RawWebSocket attacker = RawWebSocket.open(server.uri(NewsEndpoint.PATH))) {
            attacker.readUntil(RawWebSocket.TEXT); // welcome
            int expected = frame == HostileFrame.UNMASKED ? HostileFrame.SERVED : frame.expected;
            assertEquals(expected, frame.sendTo(attacker, expected));
        }
        server.bulletin().newsroom().publish(NewsDraft.of("world", frame.name()));
        assertEquals(frame.name(), bystander.next("news").getJsonObject("item").getString("title"));
    }

    @Test
    void aHugeMessageIsRefusedWhileItIsStillArriving() throws Exception {
        HugeMessages.assertRefusedWhileArriving(server.uri(NewsEndpoint.PATH));
        server.bulletin().newsroom().publish(NewsDraft.of("world", "after the huge ones"));
        assertEquals("after the huge ones", bystander.next("news").getJsonObject("item").getString("title"));
    }

    @Test
    void aPermessageDeflateOfferIsNotTakenUp() throws Exception {
        try (RawWebSocket offering = RawWebSocket.open(server.uri(NewsEndpoint.PATH),
                Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"), 0)) {
            assertEquals(101, offering.status());
            assertNull(offering.responseHeader("sec-websocket-extensions"));
            assertTrue(offering.readUntil(RawWebSocket.TEXT).text().contains("\"welcome\""), "plain text frames");
        }
    }
}
