package dev.bulletin.it;

import dev.bulletin.client.Backoff;
import dev.bulletin.client.BulletinClient;
import dev.bulletin.client.BulletinListener;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.testing.ClientRecorder;
import dev.bulletin.testing.Frames;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in with a real identity provider, on any server: Keycloak issues the tokens, and the server,
 * configured to take them with its own security, checks them. The realm
 * (src-it/keycloak/bulletin-realm.json) gives alice and publisher the realm role "board", publisher
 * "bulletin-publisher", bob neither; the server's topic policy makes "board.*" private to "board".
 * A subclass starts Keycloak and the server: {@code cluster.OidcIT} (WildFly) and
 * {@code OidcSmokeIT} (Open Liberty).
 */
public abstract class SignInContract {

    protected static final Keycloak KEYCLOAK = new Keycloak();
    private static final String REALM = "bulletin";
    /** A client whose tokens are meant for Bulletin (audience "bulletin"), living five minutes. */
    private static final String CLIENT = "bulletin-cli";
    /** The same, whose tokens live six seconds. */
    private static final String SHORT = "bulletin-cli-short";

    /** The application's base URL on the server under test, e.g. {@code http://127.0.0.1:8080/bulletin/}. */
    protected abstract URI base();

    @Test
    public void aTokenFromTheProviderOpensNotificationsAndItsRolesDecideWhoPublishes() {
        String alice = KEYCLOAK.token(REALM, CLIENT, "alice");
        try (TestClient socket = TestClient.connect(notifications(), bearer(alice))) {
            assertEquals("alice", socket.next("welcome").getString("user"), "the principal is preferred_username");
            String id = Server.freshTopic("n");
            HttpResponse<String> notified = post("api/notifications", publisherToken(), "{\"id\":\"" + id
                    + "\",\"title\":\"Signed in\",\"to\":{\"users\":[\"alice\"]}}");
            assertEquals(202, notified.statusCode(), notified.body());
            List<JsonObject> items = socket.itemsUntil("notification", id); // after any an earlier run left unread
            assertEquals(id, items.get(items.size() - 1).getString("id"));
        }
        String topic = Server.freshTopic("oidc");
        assertEquals(201, post("api/news", publisherToken(), news(topic, "By token")).statusCode());
        assertEquals(403, post("api/news", alice, news(topic, "Not hers")).statusCode(), "alice lacks bulletin-publisher");
    }

    @Test
    public void aForgedForeignOrExpiredTokenIsRefusedWith401() throws Exception {
        String valid = KEYCLOAK.token(REALM, CLIENT, "bob");
        String[] parts = valid.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = encode(claims.replace("\"roles\":[", "\"roles\":[\"bulletin-publisher\","));
        String shortLived = KEYCLOAK.token(REALM, SHORT, "bob");

        Map<String, String> refused = Map.of(
                "forged (bob made himself a publisher)", parts[0] + "." + promoted + "." + parts[2],
                "unsigned (alg none)", encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".",
                "for another audience", KEYCLOAK.token(REALM, "elsewhere", "bob"),
                "from another issuer", KEYCLOAK.token("elsewhere", CLIENT, "alice"),
                "expired", expired(shortLived));
        for (Map.Entry<String, String> token : refused.entrySet()) {
            HttpResponse<String> ticket = post("api/tickets", token.getValue(), "");
            assertEquals(401, ticket.statusCode(), token.getKey() + ": " + ticket.body());
            HttpResponse<String> history = Server.send(HttpRequest.newBuilder(base().resolve("api/news?topic=world"))
                    .header("Authorization", "Bearer " + token.getValue()));
            assertEquals(401, history.statusCode(), token.getKey() + " is refused, not ignored, where no user is needed");
            assertEquals(401, upgradeStatus(token.getValue()), token.getKey() + " opens no socket");
        }
        assertEquals(200, post("api/tickets", valid, "").statusCode(), "the genuine token is taken");
        assertEquals(101, upgradeStatus(valid));
    }

    @Test
    public void aSocketClosesWith4001AsItsTokenExpiresAndTheClientSignsInAgainWithoutAGap() throws Exception {
        String topic = Server.freshTopic("expiry");
        ClientRecorder listener = new ClientRecorder(Duration.ofSeconds(30));
        List<String> tokens = new CopyOnWriteArrayList<>();
        BulletinClient client = BulletinClient.notifications(base()).backoff(new Backoff(Duration.ofMillis(200),
                        Duration.ofSeconds(1), Duration.ofSeconds(1))).listener(listener)
                .bearer(() -> {
                    String token = KEYCLOAK.token(REALM, SHORT, "bob"); // six seconds each
                    tokens.add(token);
                    return token;
                }).connect();
        try {
            assertEquals(201, post("api/news", publisherToken(), news(topic, "1")).statusCode());
            client.subscribe(10, topic); // "1" as a recent item, whenever the subscription lands
            listener.awaitState(BulletinListener.State.CONNECTED);
            assertEquals("1", listener.title());

            listener.awaitState(BulletinListener.State.RECONNECTING); // the first token expired: 4001
            assertEquals(201, post("api/news", publisherToken(), news(topic, "2")).statusCode());
            listener.awaitState(BulletinListener.State.CONNECTED);
            assertEquals(201, post("api/news", publisherToken(), news(topic, "3")).statusCode());
            assertEquals(List.of("2", "3"), List.of(listener.title(), listener.title()), "resumed: nothing missed");
            assertTrue(tokens.size() >= 2, "signed in again with a fresh token");
            assertEquals(0, listener.stoppedWith, "a client with a token source does not stop on 4001");
        } finally {
            client.close();
        }
        assertNull(listener.nextNews(Duration.ofMillis(500)), "each item once");
    }

    @Test
    public void aSocketOpenedWithATokenOrWithATicketFromItClosesWith4001AsTheTokenExpires() {
        String token = KEYCLOAK.token(REALM, SHORT, "bob");
        HttpResponse<String> issued = post("api/tickets", token, "");
        assertEquals(200, issued.statusCode(), issued.body());
        assertFalse(issued.headers().firstValue("Set-Cookie").isPresent(), "no HTTP session for a bearer login");
        String ticket = Server.json(issued.body()).getString("ticket");
        try (TestClient withToken = TestClient.connect(notifications(), bearer(token));
             TestClient withTicket = TestClient.connect(URI.create(notifications() + "?ticket=" + ticket));
             TestClient longer = TestClient.connect(notifications(), bearer(KEYCLOAK.token(REALM, CLIENT, "bob")))) {
            assertEquals("bob", withToken.next("welcome").getString("user"));
            assertEquals("bob", withTicket.next("welcome").getString("user"));
            assertEquals(CloseCode.LOGIN_ENDED.code(), withToken.awaitClose().getCloseCode().getCode());
            assertEquals(CloseCode.LOGIN_ENDED.code(), withTicket.awaitClose().getCloseCode().getCode());
            assertEquals("welcome", longer.next().getString("type"));
            assertTrue(longer.session().isOpen(), "a token that lives five minutes keeps its socket");
        }
    }

    @Test
    public void aPrivateTopicFollowsTheProvidersRoles() {
        String board = "board." + Server.freshTopic("minutes");
        String alice = KEYCLOAK.token(REALM, CLIENT, "alice");
        String bob = KEYCLOAK.token(REALM, CLIENT, "bob");
        assertEquals(201, post("api/news", publisherToken(), news(board, "Minutes")).statusCode());

        try (TestClient aliceSocket = TestClient.connect(notifications(), bearer(alice));
             TestClient bobSocket = TestClient.connect(notifications(), bearer(bob))) {
            aliceSocket.next("welcome");
            bobSocket.next("welcome");
            aliceSocket.send(Frames.subscribeRecent("s", 5, board));
            assertEquals("subscribed", next(aliceSocket).getString("type"));
            assertEquals("Minutes", next(aliceSocket).getJsonObject("item").getString("title"));
            bobSocket.send(Frames.subscribeRecent("s", 5, board));
            JsonObject error = next(bobSocket);
            assertEquals("error", error.getString("type"), error.toString());
            assertEquals("forbidden", error.getString("code"));
            assertEquals(List.of(), bobSocket.drainUntilPong().stream().filter(f -> f.getString("type").equals("news"))
                    .toList(), "bob gets none of its items");
        }
        assertEquals(200, get("api/news?topic=" + board, alice).statusCode());
        assertEquals(403, get("api/news?topic=" + board, bob).statusCode());
        assertTrue(get("api/topics", alice).body().contains(board));
        assertFalse(get("api/topics", bob).body().contains(board), "not listed to bob");
    }

    /** The next frame past the notifications the user has unread (replayed as they connect; other suites notify them). */
    private JsonObject next(TestClient socket) {
        JsonObject frame = socket.next();
        while (frame.getString("type").equals("notification")) {
            frame = socket.next();
        }
        return frame;
    }

    private String publisherToken() {
        return KEYCLOAK.token(REALM, CLIENT, "publisher");
    }

    private URI notifications() {
        return URI.create(base().toString().replaceFirst("^http", "ws") + "ws/notifications");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String news(String topic, String title) {
        return "{\"topic\":\"" + topic + "\",\"title\":\"" + title + "\"}";
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return Server.send(HttpRequest.newBuilder(base().resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path, String token) {
        return Server.send(HttpRequest.newBuilder(base().resolve(path)).header("Authorization", "Bearer " + token));
    }

    /** The token, once its exp has passed. */
    private static String expired(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Instant exp = Instant.ofEpochSecond(Server.json(claims).getJsonNumber("exp").longValue());
        await("the six-second token's expiry").atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(exp.plusSeconds(1)));
        return token;
    }

    /** The HTTP status the upgrade to /ws/notifications answers with this token. */
    private int upgradeStatus(String token) throws Exception {
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .subprotocols("bulletin.v1.json").buildAsync(notifications(), new WebSocket.Listener() {
                    }).get(10, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
