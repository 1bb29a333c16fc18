package dev.bulletin.it;

import dev.bulletin.protocol.CloseCode;
import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's handle: role {@code bulletin-admin} lists this node's sessions and disconnects a user everywhere. */
class AdminIT extends DeployedWar {

    private static final String OPERATOR = "operator";

    private HttpResponse<String> asOperator(String path, boolean post) {
        HttpRequest.Builder request = server.as(OPERATOR, path);
        return Server.send(post ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET());
    }

    @Test
    void onlyAnOperatorListsSessionsAndDisconnects() {
        assertEquals(401, server.fetch("api/admin/sessions").statusCode());
        assertEquals(403, Server.send(server.as(Server.ALICE, "api/admin/sessions").GET()).statusCode());
        assertEquals(403, Server.send(server.as(Server.PUBLISHER, "api/admin/users/bob/disconnect")
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(400, asOperator("api/admin/sessions?offset=-1", false).statusCode());
    }

    @Test
    void anOperatorSeesABobsSessionAndDisconnectsHimAndHisTicket() throws Exception {
        Server.Ticket unused = server.ticket(Server.BOB);
        try (TestClient bob = TestClient.connect(server.notifications(), TestClient.basic("bob", "bob-secret"))) {
            bob.next("welcome");
            bob.drainUntilPong(); // his unread notifications of other tests
            bob.send("{\"type\":\"subscribe\",\"ref\":\"s\",\"topics\":[\"world\",\"tech\"]}");
            bob.next("subscribed");

            HttpResponse<String> listed = asOperator("api/admin/sessions?limit=200", false);
            assertEquals(200, listed.statusCode(), listed.body());
            JsonObject page = Server.json(listed.body());
            JsonObject session = page.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                    .filter(s -> "bob".equals(s.getString("user", null))).findFirst().orElseThrow();
            assertEquals("notifications", session.getString("endpoint"));
            assertEquals(2, session.getInt("topics"));
            assertEquals(page.getString("node"), session.getString("node"));
            assertTrue(session.getString("connectedSince").endsWith("Z"), session.toString());
            assertTrue(page.getInt("total") >= 1);

            HttpResponse<String> disconnected = asOperator("api/admin/users/bob/disconnect", true);
            assertEquals(200, disconnected.statusCode(), disconnected.body());
            assertEquals(1, Server.json(disconnected.body()).getInt("closedHere"));
            assertEquals(CloseCode.LOGIN_ENDED.code(), bob.awaitClose().getCloseCode().getCode());
        }
        try (RawWebSocket withTicket = RawWebSocket.open(server.notifications(unused), Map.of(), 0)) {
            assertEquals(401, withTicket.status(), "the ticket bob got before was revoked");
        }
    }
}
