package dev.bulletin.endpoint;

import dev.bulletin.protocol.CloseCode;
import dev.bulletin.Bulletin;
import dev.bulletin.BulletinConfig;
import dev.bulletin.hub.Identity;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.ErrorCode;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.testing.FrameRecorder;
import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.bulletin.testing.Frames.subscribe;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits a connection meets (rate, connections per server and per user), on embedded Tyrus. */
class LimitsTest {

    private static final String PING = "{\"type\":\"ping\",\"ref\":\"p\"}";

    private EmbeddedServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void framesPastTheRateAreRejectedAndAConnectionThatGoesOnIsClosedWith1008() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withLimits(1, 100, 20, 1_000));
        try (TestClient bystander = subscribed("world"); TestClient flooder = connect()) {
            for (int i = 0; i < 3; i++) {
                flooder.send(PING);
            }
            assertEquals("pong", flooder.next().getString("type"), "the first frame is within the rate");
            assertEquals(ErrorCode.RATE_LIMITED, flooder.next("error").getString("code"));
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, flooder.awaitClose().getCloseCode());

            server.bulletin().newsroom().publish(NewsDraft.of("world", "still here"));
            assertEquals("still here", bystander.next("news").getJsonObject("item").getString("title"));
        }
    }

    @Test
    void tenBadFramesInARowCloseTheConnectionWith1008() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withLimits(100, 100, 20, 1_000)); // not the rate
        try (TestClient sloppy = connect()) {
            for (int i = 0; i < 9; i++) {
                sloppy.send("{\"type\":\"subscrib\"}");
                assertEquals(ErrorCode.UNKNOWN_TYPE, sloppy.next("error").getString("code"));
            }
            sloppy.send(PING);
            sloppy.next("pong"); // a good frame: the count starts over
            for (int i = 0; i < Bulletin.MAX_BAD_FRAMES; i++) {
                sloppy.send("not json");
                assertEquals(ErrorCode.BAD_REQUEST, sloppy.next("error").getString("code"));
            }
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, sloppy.awaitClose().getCloseCode());
        }
    }

    @Test
    void pastTheServersCapacityANewConnectionIsClosedWith1013AndARetryHint() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withLimits(20, 2, 20, 1_000));
        try (TestClient first = connect(); TestClient second = connect();
             TestClient third = TestClient.connect(server.uri(NewsEndpoint.PATH))) {
            CloseReason refused = third.awaitClose();
            assertEquals(1013, refused.getCloseCode().getCode());
            assertTrue(refused.getReasonPhrase().matches(".*capacity; retry in \\d+ s"), refused.getReasonPhrase());
            assertEquals(2, server.bulletin().hub().stats().sessions(), "the refused one left nothing behind");
            first.close();
            try (TestClient fourth = TestClient.connect(server.uri(NewsEndpoint.PATH))) {
                assertEquals("welcome", fourth.next().getString("type"), "room again once one left");
            }
        }
    }

    @Test
    void aUserPastTheirConnectionsIsClosedWith1013() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withLimits(20, 100, 2, 1_000));
        try (TestClient phone = asAlice(); TestClient laptop = asAlice();
             TestClient third = TestClient.connect(ticketFor("alice"))) {
            assertEquals(1013, third.awaitClose().getCloseCode().getCode());
            try (TestClient bob = TestClient.connect(ticketFor("bob"))) {
                assertEquals("welcome", bob.next().getString("type"), "another user is not counted");
            }
        }
    }

    @Test
    void anAddressPastItsConnectionsIsClosedWith1013() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withLimits(20, 100, 20, 2));
        Bulletin bulletin = server.bulletin(); // embedded Tyrus runs no servlet filter: addresses given here
        FrameRecorder first = new FrameRecorder();
        Subscriber firstOne = bulletin.open(first, null, false, "203.0.113.7");
        bulletin.open(new FrameRecorder(), null, false, "203.0.113.7");
        FrameRecorder third = new FrameRecorder();
        bulletin.open(third, null, false, "203.0.113.7");
        FrameRecorder elsewhere = new FrameRecorder();
        bulletin.open(elsewhere, null, false, "198.51.100.1");

        await().until(() -> third.closedWith() == CloseCode.TRY_AGAIN_LATER);
        assertNull(first.closedWith());
        assertEquals("welcome", elsewhere.of("welcome").get(0).getString("type"), "another address is not counted");
        bulletin.close(firstOne);
        FrameRecorder again = new FrameRecorder();
        bulletin.open(again, null, false, "203.0.113.7");
        assertEquals(1, again.of("welcome").size(), "room again once one left");
    }

    @Test
    void aReconnectStormPastCapacityIsRefusedWith1013AndTheServerKeepsServing() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withLimits(20, 101, 20, 1_000));
        List<RawWebSocket> storm = new ArrayList<>();
        int welcomed = 0;
        int refused = 0;
        try (TestClient bystander = subscribed("world")) {
            for (int i = 0; i < 1_000; i++) {
                RawWebSocket socket = RawWebSocket.open(server.uri(NewsEndpoint.PATH));
                storm.add(socket);
                RawWebSocket.Frame first = socket.read();
                if (first.opcode() == RawWebSocket.TEXT) {
                    welcomed++;
                } else if (first.opcode() == RawWebSocket.CLOSE && first.closeCode() == 1013
                        && new String(first.payload(), 2, first.payload().length - 2).contains("retry in")) {
                    refused++;
                }
            }
            assertEquals(100, welcomed, "up to max-connections, the bystander included");
            assertEquals(900, refused, "the rest refused with 1013 and a retry hint");
            server.bulletin().newsroom().publish(NewsDraft.of("world", "through the storm"));
            assertEquals("through the storm", bystander.next("news").getJsonObject("item").getString("title"));
        } finally {
            for (RawWebSocket socket : storm) {
                socket.close();
            }
        }
        await().until(() -> server.bulletin().hub().stats().sessions() == 0);
    }

    private TestClient connect() {
        TestClient client = TestClient.connect(server.uri(NewsEndpoint.PATH));
        client.next("welcome");
        return client;
    }

    private TestClient subscribed(String topic) {
        TestClient client = connect();
        client.send(subscribe("1", topic));
        client.next("subscribed");
        return client;
    }

    private TestClient asAlice() {
        TestClient client = TestClient.connect(ticketFor("alice"));
        client.next("welcome");
        return client;
    }

    private URI ticketFor(String user) {
        String ticket = server.bulletin().tickets().issue(new Identity(user, Set.of(), "http-" + user));
        return URI.create(server.uri(NotificationsEndpoint.PATH) + "?ticket=" + ticket);
    }
}
