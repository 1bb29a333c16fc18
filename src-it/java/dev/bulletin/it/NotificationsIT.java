package dev.bulletin.it;

import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static dev.bulletin.it.Server.ALICE;
import static dev.bulletin.it.Server.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /ws/notifications} and the notifications API on WildFly, with the JPA store on its default datasource. */
class NotificationsIT extends DeployedWar {

    private static String freshId() {
        return "n-it-" + UUID.randomUUID();
    }

    private String notifyUsers(String id, String... users) {
        HttpResponse<String> response = server.notify("{\"id\":\"" + id + "\",\"title\":\"Hello\",\"to\":{\"users\":[\""
                + String.join("\",\"", users) + "\"]}}");
        assertEquals(202, response.statusCode(), response.body());
        return id;
    }

    private TestClient connect(String user) {
        TestClient client = TestClient.connect(server.notifications(), TestClient.basic(user, user + "-secret"));
        assertEquals(user, client.next("welcome").getString("user"));
        return client;
    }

    /** Reads frames until the notification with this id; other unread ones of earlier tests may come first. */
    static JsonObject awaitNotification(TestClient client, String id) {
        for (JsonObject frame = client.next(); ; frame = client.next()) {
            if ("notification".equals(frame.getString("type")) && id.equals(frame.getJsonObject("item").getString("id"))) {
                return frame;
            }
        }
    }

    private static String ack(String ref, String id) {
        return "{\"type\":\"ack\",\"ref\":\"" + ref + "\",\"ids\":[\"" + id + "\"]}";
    }

    @Test
    void withoutAUserTheUpgradeIsAnswered401() throws Exception {
        Server.Ticket ticket = server.ticket(ALICE);
        try (RawWebSocket none = RawWebSocket.open(server.notifications());
             RawWebSocket wrongPassword = RawWebSocket.open(server.notifications(),
                     Map.of("Authorization", Server.basic(ALICE, "wrong")), 0);
             RawWebSocket forged = RawWebSocket.open(URI.create(server.notifications() + "?ticket=forged"));
             TestClient first = TestClient.connect(server.notifications(ticket))) {
            assertEquals(401, none.status());
            assertEquals(401, wrongPassword.status());
            assertEquals(401, forged.status());
            assertEquals(ALICE, first.next("welcome").getString("user"));
            try (RawWebSocket reused = RawWebSocket.open(server.notifications(ticket))) {
                assertEquals(401, reused.status(), "a ticket opens one connection");
            }
        }
    }

    @Test
    void aNotificationToAnOfflineUserIsDeliveredWhenTheyConnect() {
        String id = notifyUsers(freshId(), BOB);
        try (TestClient bob = TestClient.connect(server.notifications(server.ticket(BOB)))) {
            assertEquals(BOB, bob.next("welcome").getString("user"));
            JsonObject frame = awaitNotification(bob, id);
            assertTrue(frame.getBoolean("replay"));
            assertFalse(frame.getJsonObject("item").getBoolean("read"));
        }
    }

    @Test
    void aNotificationToARoleReachesAConnectedMemberLive() {
        try (TestClient alice = connect(ALICE)) {
            alice.drainUntilPong();
            String id = freshId();
            HttpResponse<String> response = server.notify("{\"id\":\"" + id
                    + "\",\"title\":\"Maintenance tonight\",\"to\":{\"roles\":[\"user\"]}}");
            assertEquals(202, response.statusCode(), response.body());
            assertFalse(awaitNotification(alice, id).getBoolean("replay"));
            assertEquals(200, server.notify("{\"id\":\"" + id + "\",\"title\":\"Maintenance tonight\","
                    + "\"to\":{\"roles\":[\"user\"]}}").statusCode(), "the same id again is accepted once");
            assertEquals(0, alice.drainUntilPong().size(), "and not delivered twice");
        }
    }

    @Test
    void anAckReachesTheUsersOtherSessionAndTheApiSeesItRead() {
        String id = notifyUsers(freshId(), ALICE);
        try (TestClient phone = connect(ALICE); TestClient laptop = connect(ALICE)) {
            awaitNotification(phone, id);
            awaitNotification(laptop, id);
            phone.send(ack("a1", id));
            assertEquals("a1", phone.next("acked").getString("ref"));
            assertEquals(id, laptop.next("read").getJsonArray("ids").getString(0));
        }
        HttpResponse<String> unread = Server.send(server.as(ALICE, "api/notifications?unread=true&limit=200"));
        assertEquals(200, unread.statusCode());
        assertFalse(unread.body().contains(id), "a read notification is not unread any more");
    }

    @Test
    void theHttpApiServesOnlyTheCallersOwnNotifications() {
        String id = notifyUsers(freshId(), ALICE);
        HttpResponse<String> foreign = Server.send(server.as(BOB, "api/notifications/read")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[\"" + id + "\"]}")));
        assertEquals(404, foreign.statusCode());
        assertTrue(foreign.body().contains(id), foreign.body());
        assertFalse(Server.send(server.as(BOB, "api/notifications?limit=200")).body().contains(id));

        try (TestClient alice = connect(ALICE)) {
            awaitNotification(alice, id);
            HttpResponse<String> read = Server.send(server.as(ALICE, "api/notifications/read")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[\"" + id + "\"]}")));
            assertEquals(204, read.statusCode());
            assertEquals(id, alice.next("read").getJsonArray("ids").getString(0), "open sessions hear of it");
        }
    }

    @Test
    void loggingOutClosesTheSocketsOfThatLoginWith4001() {
        Server.Ticket ticket = server.ticket(ALICE);
        try (TestClient alice = TestClient.connect(server.notifications(ticket))) {
            alice.next("welcome");
            HttpResponse<String> logout = Server.send(server.as(ALICE, "api/logout")
                    .header("Cookie", ticket.cookie()).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, logout.statusCode());
            assertEquals(4001, alice.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void publishingNeedsThePublisherRoleAndAKnownRole() {
        HttpResponse<String> asAlice = Server.send(server.as(ALICE, "api/notifications")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\",\"to\":{\"users\":[\"bob\"]}}")));
        assertEquals(403, asAlice.statusCode());
        HttpResponse<String> unknownRole = server.notify("{\"title\":\"x\",\"to\":{\"roles\":[\"nobody-checks-this\"]}}");
        assertEquals(400, unknownRole.statusCode());
        assertEquals("to.roles", Server.json(unknownRole.body()).getString("field"));
    }
}
