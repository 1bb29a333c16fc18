package dev.bulletin.endpoint;

import dev.bulletin.BulletinConfig;
import dev.bulletin.hub.Identity;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topic policy over real sockets on embedded Tyrus: a private topic's items reach, replay and
 * resume only for a connection whose user has one of its roles; the others' subscriptions in the
 * same frame go on; publishing to it needs one of its publishers' roles.
 */
class PrivateTopicsTest {

    private EmbeddedServer server;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withTopicPolicy("board.* board board-editor; desk.{user} support"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestClient signedIn(String user, String... roles) {
        String ticket = server.bulletin().tickets().issue(new Identity(user, Set.of(roles), null));
        TestClient client = TestClient.connect(URI.create(server.uri(NotificationsEndpoint.PATH) + "?ticket=" + ticket));
        client.next("welcome");
        return client;
    }

    private String publish(String topic, String title) {
        return server.bulletin().newsroom().publish(NewsDraft.of(topic, title)).news().cursor().toString();
    }

    private static String subscribe(String topics, String extra) {
        return "{\"type\":\"subscribe\",\"ref\":\"s\",\"topics\":[" + topics + "]" + extra + "}";
    }

    @Test
    void aUserWithoutTheRoleIsRefusedThePrivateTopicAndKeepsThePublicOne() {
        String first = publish("board.minutes", "Minutes of March");
        publish("board.minutes", "Minutes of April");
        publish("world", "Quake");
        try (TestClient bob = signedIn("bob"); TestClient anonymous = TestClient.connect(server.uri(NewsEndpoint.PATH));
             TestClient carol = signedIn("carol", "board")) {
            anonymous.next("welcome");
            String frame = subscribe("\"board.minutes\",\"world\"", ",\"recent\":5,\"resume\":{\"board.minutes\":\""
                    + first + "\"}");
            for (TestClient outsider : List.of(bob, anonymous)) {
                outsider.send(frame);
                assertEquals(List.of("world"), outsider.next("subscribed").getJsonArray("topics").getValuesAs(
                        JsonString.class).stream().map(JsonString::getString).toList());
                assertEquals("Quake", outsider.next("news").getJsonObject("item").getString("title"), "recent of world");
                JsonObject refused = outsider.next("error");
                assertEquals("forbidden", refused.getString("code"));
                assertEquals("s", refused.getString("ref"));
                assertTrue(refused.getString("message").contains("board.minutes"), refused.toString());
                assertEquals(List.of(), outsider.drainUntilPong(), "nothing of the private topic, replayed or resumed");
            }
            carol.send(frame);
            carol.next("subscribed");
            assertEquals("Minutes of April", carol.next("news").getJsonObject("item").getString("title"), "resumed");
            assertEquals("Quake", carol.next("news").getJsonObject("item").getString("title"), "recent of world");

            publish("board.minutes", "Minutes of May");
            publish("world", "Flood");
            assertEquals("Minutes of May", carol.next("news").getJsonObject("item").getString("title"));
            for (TestClient outsider : List.of(bob, anonymous)) {
                assertEquals("Flood", outsider.next("news").getJsonObject("item").getString("title"),
                        "live news of the public topic, and none of the private one before it");
            }
        }
    }

    @Test
    void publishingToAPrivateTopicNeedsOneOfItsPublishersRoles() {
        try (TestClient reader = signedIn("carol", "board", "bulletin-publisher");
             TestClient editor = signedIn("dave", "board-editor", "bulletin-publisher")) {
            reader.send("{\"type\":\"publish\",\"ref\":\"p\",\"topic\":\"board.minutes\",\"item\":{\"title\":\"Leak\"}}");
            JsonObject refused = reader.next("error");
            assertEquals("forbidden", refused.getString("code"));
            editor.send("{\"type\":\"publish\",\"ref\":\"p\",\"topic\":\"board.minutes\",\"item\":{\"title\":\"Agenda\"}}");
            assertEquals("p", editor.next("published").getString("ref"));
            reader.send("{\"type\":\"publish\",\"ref\":\"q\",\"topic\":\"world\",\"item\":{\"title\":\"Public\"}}");
            assertEquals("q", reader.next("published").getString("ref"), "a public topic is open to every publisher");
        }
    }

    @Test
    void aUsersOwnTopicIsTheirsAndTheNamedRoles() {
        publish("desk.alice", "For alice");
        try (TestClient alice = signedIn("alice"); TestClient bob = signedIn("bob");
             TestClient helper = signedIn("sam", "support")) {
            for (TestClient reader : List.of(alice, helper)) {
                reader.send(subscribe("\"desk.alice\"", ",\"recent\":5"));
                reader.next("subscribed");
                assertEquals("For alice", reader.next("news").getJsonObject("item").getString("title"));
            }
            bob.send(subscribe("\"desk.alice\"", ",\"recent\":5"));
            assertEquals("forbidden", bob.next("error").getString("code"));
            assertEquals(List.of(), bob.drainUntilPong(), "none of alice's items");
        }
    }
}
