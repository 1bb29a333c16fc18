package dev.bulletin.endpoint;

import dev.bulletin.protocol.Protocol;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.BulletinConfig;
import dev.bulletin.Notifications;
import dev.bulletin.hub.Identity;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.bulletin.testing.Frames.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /ws/notifications} over real sockets on embedded Tyrus: who gets in, and who gets what, once; in each subprotocol. */
@ParameterizedClass
@ValueSource(strings = {Protocol.V1, Protocol.V1_CBOR})
class NotificationsEndpointTest {

    @Parameter
    String protocol;

    private EmbeddedServer server;
    private Notifications notifications;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withRoles("ops"));
        notifications = server.bulletin().notifications();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI withTicket(String user, String... roles) {
        String ticket = server.bulletin().tickets().issue(new Identity(user, Set.of(roles), "http-" + user));
        return URI.create(server.uri(NotificationsEndpoint.PATH) + "?ticket=" + ticket);
    }

    private TestClient connect(String user, String... roles) {
        TestClient client = TestClient.connect(withTicket(user, roles), Map.of(), protocol);
        assertEquals(user, client.next("welcome").getString("user"));
        return client;
    }

    private String notifyUser(String user, String title) {
        return notifications.notify(NotificationDraft.of(Audience.users(user), title)).id();
    }

    private static String ack(String ref, String... ids) {
        return "{\"type\":\"ack\",\"ref\":\"" + ref + "\",\"ids\":[\"" + String.join("\",\"", ids) + "\"]}";
    }

    private static List<String> ids(JsonObject frame) {
        return frame.getJsonArray("ids").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void aTicketOpensOneConnectionAsItsUser() {
        URI uri = withTicket("alice");
        try (var first = TestClient.connect(uri, Map.of(), protocol)) {
            assertEquals("alice", first.next("welcome").getString("user"));
            try (var second = TestClient.connect(uri, Map.of(), protocol)) {
                assertEquals(CloseCode.LOGIN_ENDED.code(), second.awaitClose().getCloseCode().getCode(), "a used ticket");
            }
        }
    }

    @Test
    void noTicketOrAnUnknownOneIsRefused() {
        try (var none = TestClient.connect(server.uri(NotificationsEndpoint.PATH), Map.of(), protocol);
             var forged = TestClient.connect(URI.create(server.uri(NotificationsEndpoint.PATH) + "?ticket=forged"), Map.of(), protocol)) {
            assertEquals(CloseCode.LOGIN_ENDED.code(), none.awaitClose().getCloseCode().getCode());
            assertEquals(CloseCode.LOGIN_ENDED.code(), forged.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void unreadNotificationsComeFirstInCursorOrderThenLiveOnes() {
        String first = notifyUser("alice", "Payment failed");
        String second = notifyUser("alice", "Ticket #4412 assigned");
        try (var alice = connect("alice")) {
            List<JsonObject> replay = alice.next("notification", 2);
            assertEquals(List.of(first, second), replay.stream().map(f -> f.getJsonObject("item").getString("id")).toList());
            assertTrue(replay.stream().allMatch(f -> f.getBoolean("replay")));
            assertTrue(replay.get(0).getString("cursor").compareTo(replay.get(1).getString("cursor")) < 0);

            String live = notifyUser("alice", "Build broken");
            JsonObject frame = alice.next("notification");
            assertEquals(live, frame.getJsonObject("item").getString("id"));
            assertFalse(frame.getBoolean("replay"));
            assertFalse(frame.getJsonObject("item").getBoolean("read"));
        }
    }

    @Test
    void anAckIsAnsweredAndEveryOtherSessionOfTheUserHearsOfIt() {
        String id = notifyUser("alice", "Payment failed");
        try (var phone = connect("alice"); var laptop = connect("alice")) {
            phone.next("notification");
            laptop.next("notification");

            phone.send(ack("a1", id));
            JsonObject acked = phone.next("acked");
            assertEquals("a1", acked.getString("ref"));
            assertEquals(List.of(id), ids(acked));
            assertEquals(List.of(id), ids(laptop.next("read")));
            assertEquals(List.of(), phone.drainUntilPong(), "the acking session gets no read of its own");
        }
        try (var again = connect("alice")) {
            assertEquals(List.of(), again.drainUntilPong(), "a read notification is never delivered again");
        }
    }

    @Test
    void usersSeeOnlyTheirOwnAndCannotAckAnotherUsersNotification() {
        String forAlice = notifyUser("alice", "For alice only");
        try (var bob = connect("bob")) {
            bob.send(ack("b1", forAlice));
            JsonObject error = bob.next("error");
            assertEquals("not-found", error.getString("code"));
            assertEquals("b1", error.getString("ref"));
            assertEquals(List.of(), bob.drainUntilPong(), "bob got nothing of alice's");
        }
        try (var alice = connect("alice")) {
            assertFalse(alice.next("notification").getJsonObject("item").getBoolean("read"), "still unread");
        }
    }

    @Test
    void aRoleReachesMembersOnlineNowAndMembersWhoConnectLater() {
        try (var alice = connect("alice", "ops"); var bob = connect("bob")) {
            String id = notifications.notify(NotificationDraft.of(Audience.roles("ops"), "Disk full")).id();
            assertEquals(id, alice.next("notification").getJsonObject("item").getString("id"));
            assertEquals(List.of(), bob.drainUntilPong(), "bob is not in ops");
            try (var carol = connect("carol", "ops")) {
                JsonObject replayed = carol.next("notification");
                assertEquals(id, replayed.getJsonObject("item").getString("id"));
                assertTrue(replayed.getBoolean("replay"));
            }
            assertEquals(List.of(), alice.drainUntilPong(), "carol's claim is not alice's news");
        }
    }

    @Test
    void topicsWorkOnTheSameSocket() {
        try (var alice = connect("alice")) {
            alice.send(subscribe("s1", "world"));
            alice.next("subscribed");
            server.bulletin().newsroom().publish(NewsDraft.of("world", "Quake"));
            notifyUser("alice", "Personal");
            assertEquals("Quake", alice.next("news").getJsonObject("item").getString("title"));
            assertEquals("Personal", alice.next("notification").getJsonObject("item").getString("title"));
        }
    }

    @Test
    void theEndOfTheLoginsHttpSessionClosesItsSocketsWith4001() {
        try (var alice = connect("alice"); var bob = connect("bob")) {
            server.bulletin().endHttpSession("http-alice");
            assertEquals(CloseCode.LOGIN_ENDED.code(), alice.awaitClose().getCloseCode().getCode());
            assertEquals(List.of(), bob.drainUntilPong(), "bob's session is another one and stays open");
        }
    }

    @Test
    void ackOnTheNewsEndpointIsABadRequest() {
        try (var client = TestClient.connect(server.uri(NewsEndpoint.PATH), Map.of(), protocol)) {
            client.next("welcome");
            client.send(ack("n1", "x"));
            assertEquals("bad-request", client.next("error").getString("code"));
        }
    }
}
