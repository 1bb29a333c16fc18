package dev.bulletin.it.cluster;

import dev.bulletin.it.Server;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.testing.Frames;
import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static dev.bulletin.it.Server.ALICE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two WildFly nodes on loopback, one PostgreSQL, Artemis carrying the announcements: what a
 * publish on one node does on the other, and what a node's crash and return do to its clients.
 * In order, since the later tests kill and restart node b.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Node A = new Node("a", 0);
    private static final Node B = new Node("b", 100);
    private static Server a;
    private static Server b;

    @BeforeAll
    static void start() throws Exception {
        A.start(); // one after the other: the first creates the schema
        B.start();
        a = new Server(A.url());
        b = new Server(B.url());
    }

    @AfterAll
    static void stop() throws Exception {
        A.kill();
        B.kill();
    }

    @Test
    @Order(1)
    void eachNodeCountsTheOthersSessionsOverTheBus() {
        try (TestClient onB1 = TestClient.connect(b.news()); TestClient onB2 = TestClient.connect(b.news())) {
            onB1.next("welcome");
            onB2.next("welcome");
            await("a hearing b's counters").atMost(Duration.ofSeconds(30))
                    .until(() -> stats(a).getJsonObject("nodes").containsKey("b")
                            && stats(a).getJsonObject("nodes").getJsonObject("b").getInt("sessions") == 2);
            JsonObject stats = stats(a);
            assertEquals("a", stats.getString("node"));
            assertEquals(stats.getInt("sessions") + 2, stats.getJsonObject("cluster").getInt("sessions"));
        }
    }

    @Test
    @Order(2)
    void newsPublishedOnEitherNodeReachesSubscribersOnBothInOneOrder() {
        String topic = Server.freshTopic("cluster");
        List<TestClient> clients = List.of(TestClient.connect(a.news()), TestClient.connect(b.news()),
                TestClient.connect(a.news()), TestClient.connect(b.news()));
        try {
            for (TestClient client : clients) {
                client.next("welcome");
                client.send(Frames.subscribe("1", topic));
                client.next("subscribed");
            }
            for (int i = 0; i < 40; i++) {
                (i % 2 == 0 ? a : b).publish(topic, "item " + i);
            }
            List<String> firstOrder = null;
            for (TestClient client : clients) {
                List<JsonObject> news = client.next("news", 40);
                assertEquals(LongStream.rangeClosed(1, 40).boxed().toList(), seqs(news), "every item once, in order");
                List<String> ids = news.stream().map(n -> n.getJsonObject("item").getString("id")).toList();
                if (firstOrder == null) {
                    firstOrder = ids;
                }
                assertEquals(firstOrder, ids, "the same items for everyone");
            }
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    @Test
    @Order(3)
    void aNotificationReachesAUserConnectedOnlyToTheOtherNode() {
        String title = Server.freshTopic("for-alice");
        try (TestClient alice = TestClient.connect(b.notifications(),
                Map.of("Authorization", Server.basic(ALICE, ALICE + "-secret")))) {
            alice.next("welcome");
            alice.drainUntilPong(); // her unread notifications from earlier runs
            HttpResponse<String> answer = a.notify("{\"to\":{\"users\":[\"alice\"]},\"title\":\"" + title + "\"}");
            assertEquals(202, answer.statusCode(), answer.body());
            JsonObject notification = alice.next("notification");
            assertEquals(title, notification.getJsonObject("item").getString("title"));
            assertEquals(false, notification.getBoolean("replay"));
        }
    }

    @Test
    @Order(4)
    void anOperatorOnOneNodeDisconnectsAUserOnBoth() {
        try (TestClient bobOnA = TestClient.connect(a.notifications(), Map.of("Authorization", Server.basic("bob", "bob-secret")));
             TestClient bobOnB = TestClient.connect(b.notifications(), Map.of("Authorization", Server.basic("bob", "bob-secret")))) {
            bobOnA.next("welcome");
            bobOnB.next("welcome");
            HttpResponse<String> answer = Server.send(a.as("operator", "api/admin/users/bob/disconnect")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(CloseCode.LOGIN_ENDED.code(), bobOnA.awaitClose().getCloseCode().getCode());
            assertEquals(CloseCode.LOGIN_ENDED.code(), bobOnB.awaitClose().getCloseCode().getCode(), "over the bus");
        }
    }

    @Test
    @Order(4)
    void aTicketIssuedByOneNodeOpensOneConnectionOnTheOther() throws Exception {
        Server.Ticket ticket = a.ticket(ALICE);
        try (TestClient alice = TestClient.connect(b.notifications(ticket))) {
            assertEquals(ALICE, alice.next("welcome").getString("user"));
        }
        try (RawWebSocket reused = RawWebSocket.open(a.notifications(ticket))) {
            assertEquals(401, reused.status(), "used on b, so a refuses it");
        }
    }

    @Test
    @Order(5)
    void clientsOfAKilledNodeResumeOnTheOtherAndMissNothing() throws Exception {
        String topic = Server.freshTopic("crash");
        List<JsonObject> received = new ArrayList<>();
        TestClient onB = TestClient.connect(b.news());
        onB.next("welcome");
        onB.send(Frames.subscribe("1", topic));
        onB.next("subscribed");

        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 200; i++) {
                a.publish(topic, "item " + i);
            }
        });
        received.addAll(onB.next("news", 20)); // b is delivering
        B.kill();
        onB.awaitClose();
        received.addAll(news(onB.drain()));

        String cursor = received.get(received.size() - 1).getString("cursor");
        try (TestClient onA = TestClient.connect(a.news())) {
            onA.next("welcome");
            onA.send(Frames.subscribeResume("2", topic, cursor));
            assertEquals(true, onA.next("subscribed").getJsonObject("resumed").getBoolean(topic));
            publishing.get();
            received.addAll(onA.next("news", 200 - received.size()));
            assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(), seqs(received),
                    "every item exactly once, across the crash");
            assertEquals(List.of(), onA.drainUntilPong(), "nothing after the last item");
        }
    }

    @Test
    @Order(6)
    void aRestartedNodeCatchesUpWithWhatWasPublishedWhileItWasDown() throws Exception {
        String topic = Server.freshTopic("restart");
        JsonObject last = a.publish(topic, "before");
        for (int i = 0; i < 10; i++) {
            a.publish(topic, "while b is down " + i);
        }
        B.start();
        try (TestClient onB = TestClient.connect(b.news())) {
            onB.next("welcome");
            onB.send(Frames.subscribeResume("1", topic, last.getString("cursor")));
            onB.next("subscribed");
            List<JsonObject> replayed = onB.next("news", 10);
            assertEquals(LongStream.rangeClosed(2, 11).boxed().toList(), seqs(replayed));
            a.publish(topic, "after b is back");
            JsonObject live = onB.next("news");
            assertEquals(12, seq(live));
            assertEquals(false, live.getBoolean("replay"));
        }
    }

    private static JsonObject stats(Server server) {
        return server.get("api/stats").getJsonObject("body");
    }

    private static List<JsonObject> news(List<JsonObject> frames) {
        return frames.stream().filter(f -> "news".equals(f.getString("type"))).toList();
    }

    private static List<Long> seqs(List<JsonObject> news) {
        return news.stream().map(ClusterIT::seq).toList();
    }

    private static long seq(JsonObject news) {
        String cursor = news.getString("cursor");
        return Long.parseLong(cursor.substring(cursor.indexOf(':') + 1));
    }
}
