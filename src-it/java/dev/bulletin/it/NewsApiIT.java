package dev.bulletin.it;

import dev.bulletin.testing.TestClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.bulletin.testing.Frames.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API of PROTOCOL.md on WildFly: publishing, history, topics, and problem+json errors. */
class NewsApiIT extends DeployedWar {

    @Test
    void theSameIdTwiceAnswers200WithTheOriginalAndIsDeliveredOnce() {
        String topic = Server.freshTopic("idem");
        String body = "{\"topic\":\"" + topic + "\",\"title\":\"Once\",\"id\":\"" + topic + "-1\"}";
        try (TestClient client = TestClient.connect(server.news())) {
            client.next("welcome");
            client.send(subscribe("s", topic));
            client.next("subscribed");

            HttpResponse<String> first = server.post("api/news", body);
            HttpResponse<String> again = server.post("api/news", body);
            assertEquals(201, first.statusCode());
            assertEquals(200, again.statusCode());
            assertEquals(Server.json(first.body()), Server.json(again.body()));
            assertEquals(topic + "-1", client.next("news").getJsonObject("item").getString("id"));
            assertEquals(List.of(), client.drainUntilPong(), "delivered once");
        }
    }

    @Test
    void badInputAnswersAProblemThatNamesTheField() {
        assertProblem(server.post("api/news", "{\"topic\":\"world\"}"), 400, "title");
        assertProblem(server.post("api/news", "{\"topic\":\"../x\",\"title\":\"t\"}"), 400, "topic");
        assertProblem(server.post("api/news", "{\"topic\":\"world\",\"title\":\"t\",\"url\":\"javascript:alert(1)\"}"),
                400, "url");
        assertProblem(server.post("api/news", "{\"topic\":\"world\",\"title\":\"" + "t".repeat(301) + "\"}"), 400, "title");
        assertProblem(server.post("api/news", "{\"topic\":\"world\",\"title\":\"t\",\"priority\":\"now\"}"),
                400, "priority");
        HttpResponse<String> notJson = server.post("api/news", "not json");
        assertEquals(400, notJson.statusCode());
        assertEquals("application/problem+json", notJson.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void hostileBodiesAnswer400AndPublishNothing() {
        String topic = Server.freshTopic("hostile");
        for (String body : List.of(
                "[".repeat(10_000) + "]".repeat(10_000),
                "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"x\":" + "{\"a\":".repeat(10_000) + "1"
                        + "}".repeat(10_000) + "}",
                "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"priority\":1e999999999}",
                "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"tags\":[" + "9".repeat(5_000) + "]}",
                "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"title\":\"u\"}",
                "{\"topic\":\"" + topic + "\",\"title\":{\"text\":\"t\"}}",
                "{\"topic\":[\"" + topic + "\"],\"title\":\"t\"}")) {
            assertProblem(server.post("api/news", body), 400, null);
        }
        assertProblem(server.post("api/news", "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"summary\":\""
                + "s".repeat(300_000) + "\"}"), 413, null);
        assertEquals(0, server.get("api/news?topic=" + topic).getJsonArray("body").size(), "nothing was published");
    }

    @Test
    void inputNoDatabaseCanKeepAnswers400AndPublishesNothing() {
        String topic = Server.freshTopic("unstorable");
        String quotes = "\"" + "\\\"".repeat(64) + "\"";
        for (String body : List.of(
                "{\"topic\":\"" + topic + "\",\"title\":\"nul \\u0000 in it\"}",
                "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"summary\":\"lone \\ud800 half\"}",
                "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"tags\":[" + String.join(",",
                        java.util.Collections.nCopies(20, quotes)) + "]}")) {
            assertProblem(server.post("api/news", body), 400, null);
        }
        assertEquals(0, server.get("api/news?topic=" + topic).getJsonArray("body").size(), "nothing was published");
        assertProblem(Server.send(server.as(Server.ALICE, "api/notifications/read")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[null]}"))), 400, "ids");
    }

    @Test
    void aPostThatIsNotJsonAnswers415() throws Exception {
        for (String type : new String[]{null, "text/plain", "application/x-www-form-urlencoded"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/news"))
                    .header("Authorization", Server.basic(Server.PUBLISHER, "publisher-secret"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"world\",\"title\":\"t\"}"));
            if (type != null) {
                request.header("Content-Type", type);
            }
            assertProblem(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()), 415,
                    null);
        }
        assertProblem(Server.send(server.as(Server.ALICE, "api/tickets").setHeader("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.noBody())), 415, null);
    }

    @Test
    void anAuthorizationHeaderBulletinCannotUseIsIgnoredWhereNoUserIsNeeded() throws Exception {
        for (String header : List.of("Digest x", "Basic !!!", "Basic", "Basic bm9jb2xvbg==")) {
            HttpResponse<String> history = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "api/news?topic=world")).header("Authorization", header).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, history.statusCode(), header + ": " + history.body());
            HttpResponse<String> ticket = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "api/tickets")).header("Authorization", header)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertProblem(ticket, 401, null);
        }
    }

    @Test
    void aBearerTokenThisServerCannotCheckIsRefusedNotIgnored() throws Exception {
        // these servers take Basic credentials only: a client that sent a token must not go on anonymous
        HttpResponse<String> history = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "api/news?topic=world")).header("Authorization", "Bearer x.y.z").build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(history, 401, null);
    }

    @Test
    void publishingNeedsCredentialsAndThePublisherRole() throws Exception {
        String body = "{\"topic\":\"world\",\"title\":\"t\"}";
        HttpResponse<String> anonymous = post(body, Map.of());
        assertProblem(anonymous, 401, null);
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertProblem(post(body, Map.of("Authorization", Server.basic("alice", "alice-secret"))), 403, null);
    }

    @Test
    void theContainersOwnRefusalsAreProblemsToo() throws Exception {
        HttpResponse<String> wrongPassword = post("{\"topic\":\"world\",\"title\":\"t\"}",
                Map.of("Authorization", Server.basic("publisher", "not-the-secret")));
        assertProblem(wrongPassword, 401, null);
        assertTrue(wrongPassword.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));

        HttpResponse<String> getOnPostOnly = server.fetch("api/tickets");
        assertProblem(getOnPostOnly, 405, null);
        assertTrue(getOnPostOnly.headers().firstValue("Allow").orElseThrow().contains("POST"),
                getOnPostOnly.headers().map().toString());

        assertProblem(server.fetch("api/no-such-resource"), 404, null);
    }

    @Test
    void historyAnswersAfterACursorAndTopicsListTheirLastCursor() {
        String topic = Server.freshTopic("history");
        List<String> cursors = List.of(server.publish(topic, "one"), server.publish(topic, "two"),
                server.publish(topic, "three")).stream().map(p -> p.getString("cursor")).toList();

        JsonArray after = server.get("api/news?topic=" + topic + "&after=" + cursors.get(0)).getJsonArray("body");
        assertEquals(List.of("two", "three"), after.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getJsonObject("item").getString("title")).toList());
        JsonArray newest = server.get("api/news?topic=" + topic + "&limit=1").getJsonArray("body");
        assertEquals(cursors.get(2), newest.getJsonObject(0).getString("cursor"));

        JsonObject listed = server.get("api/topics").getJsonArray("body").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("name").equals(topic)).findFirst().orElseThrow();
        assertEquals(cursors.get(2), listed.getString("lastCursor"));
        assertEquals(0, listed.getInt("subscribers"));
    }

    @Test
    void aCursorFromAnotherStartIsGone() {
        String topic = Server.freshTopic("gone");
        server.publish(topic, "one");
        assertProblem(server.fetch("api/news?topic=" + topic + "&after=0000dead:1"), 410, "after");
        assertProblem(server.fetch("api/news?topic=" + topic + "&after=garbage"), 400, "after");
        assertProblem(server.fetch("api/news?topic=" + topic + "&limit=201"), 400, "limit");
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/news"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The suite's policy (pom.xml): board.* for role board (publisher and alice, not bob), vault.* for nobody here. */
    @Test
    void aPrivateTopicIsReadListedAndPublishedOnlyByItsRoles() {
        String board = "board." + Server.freshTopic("minutes");
        server.publish(board, "Minutes");
        String path = "api/news?topic=" + board;

        assertProblem(server.fetch(path), 401, null);
        assertProblem(Server.send(server.as(Server.BOB, path).GET()), 403, "topic");
        HttpResponse<String> read = Server.send(server.as(Server.ALICE, path).GET());
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("Minutes", Server.json("{\"b\":" + read.body() + "}").getJsonArray("b").getJsonObject(0)
                .getJsonObject("item").getString("title"));

        assertTrue(topics(Server.send(server.as(Server.ALICE, "api/topics").GET())).contains(board));
        assertTrue(!topics(Server.send(server.as(Server.BOB, "api/topics").GET())).contains(board), "not listed to bob");
        assertTrue(!topics(server.fetch("api/topics")).contains(board), "nor to an anonymous caller");

        assertProblem(server.post("api/news", "{\"topic\":\"vault.x\",\"title\":\"t\"}"), 403, "topic");
    }

    private static List<String> topics(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Server.json("{\"b\":" + response.body() + "}").getJsonArray("b").getValuesAs(JsonObject.class).stream()
                .map(topic -> topic.getString("name")).toList();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = Server.json(response.body());
        assertEquals(status, problem.getInt("status"));
        assertTrue(!problem.getString("detail").isBlank());
        if (field != null) {
            assertEquals(field, problem.getString("field"), response.body());
        }
    }
}
