package dev.bulletin.it.cluster;

import dev.bulletin.it.Server;
import dev.bulletin.testing.FreezingProxy;
import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bulletin.testing.Frames.subscribe;
import static dev.bulletin.testing.Frames.subscribeResume;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operations team sees: a node configured with wildfly-config/configure-observability.cli,
 * scraped every second by a real Prometheus; its PostgreSQL reached through a relay the test can cut,
 * as a database outage would.
 */
class MetricsIT {

    private static final Node NODE = new Node("metrics", 500);
    private static final Prometheus PROMETHEUS = new Prometheus();

    private static FreezingProxy database;
    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        URI store = URI.create(System.getenv().getOrDefault("BULLETIN_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/bulletin").substring("jdbc:".length()));
        database = new FreezingProxy(store.getPort());
        NODE.configure("configure-observability.cli");
        NODE.start(Map.of("BULLETIN_DB_URL", "jdbc:postgresql://127.0.0.1:" + database.port() + store.getPath(),
                "BULLETIN_QUEUE_BOUND", "16", "BULLETIN_HEARTBEAT_MS", "2000"));
        server = new Server(NODE.url());
        PROMETHEUS.start(NODE.managementPort(), "/prometheus");
    }

    @AfterAll
    static void stop() throws Exception {
        PROMETHEUS.stop();
        NODE.kill();
        database.close();
    }

    @Test
    void prometheusFindsConnectionsDeliveriesEvictionsRefusalsAndResumes() throws Exception {
        String topic = Server.freshTopic("metrics");
        List<TestClient> readers = new ArrayList<>();
        try (TestClient alice = TestClient.connect(server.notifications(), TestClient.basic("alice", "alice-secret"))) {
            for (int i = 0; i < 3; i++) {
                TestClient reader = TestClient.connect(server.news());
                readers.add(reader);
                reader.next("welcome");
                reader.send(subscribe("s", topic));
                reader.next("subscribed");
            }
            String first = server.publish(topic, "item 0").getString("cursor");
            for (int i = 1; i < 5; i++) {
                server.publish(topic, "item " + i);
            }
            for (TestClient reader : readers) {
                reader.next("news", 5);
            }
            try (TestClient resuming = TestClient.connect(server.news())) {
                resuming.next("welcome");
                resuming.send(subscribeResume("r", topic, first));
                assertTrue(resuming.next("subscribed").getJsonObject("resumed").getBoolean(topic));
            }
            try (RawWebSocket foreign = RawWebSocket.open(server.news(), Map.of("Origin", "http://evil.example"), 0);
                 RawWebSocket nobody = RawWebSocket.open(server.notifications(), Map.of(), 0)) {
                assertEquals(403, foreign.status());
                assertEquals(401, nobody.status());
            }
            evictAStalledClient();

            assertSeen("bulletin_connections{endpoint=\"news\"}", 3);
            assertSeen("bulletin_connections{endpoint=\"notifications\"}", 1);
            assertSeen("bulletin_subscriptions", 3);
            assertSeen("bulletin_frames_delivered_total", 15);
            assertSeen("bulletin_evictions_total", 1);
            assertSeen("bulletin_frames_dropped_total", 1);
            assertSeen("bulletin_refusals_total{reason=\"origin\"}", 1);
            assertSeen("bulletin_refusals_total{reason=\"auth\"}", 1);
            assertSeen("bulletin_resumes_total{outcome=\"resumed\"}", 1);
            assertSeen("bulletin_delivery_lag_seconds_count", 5);
            assertSeen("bulletin_store_commit_seconds_count", 1);
            assertSeen("bulletin_store_batch_max_appends", 1);
            assertSeen("bulletin_delivery_lag_max_seconds", 1e-9);
            assertSeen("rate(bulletin_delivery_lag_seconds_sum[1m]) / rate(bulletin_delivery_lag_seconds_count[1m])", 1e-9);
            assertSeen("bulletin_outbound_queue_max_frames", 0);

            String series = PROMETHEUS.series();
            assertFalse(series.contains("alice") || series.contains(topic), "no label names a user or a topic");
        } finally {
            readers.forEach(TestClient::close);
        }
    }

    @Test
    void readinessFailsWhileTheStoreIsDownAndLivenessDoesNot() {
        assertEquals(200, health("ready"));
        database.cut();
        try {
            await("not ready without the store").atMost(Duration.ofSeconds(30)).until(() -> health("ready") == 503);
            assertEquals(200, health("live"), "alive: a restart would not bring the store back");
        } finally {
            database.restore();
        }
        await("ready again with the store").atMost(Duration.ofSeconds(60)).until(() -> health("ready") == 200);
    }

    /** A client that stops reading while a topic it follows keeps publishing: evicted with 1013. */
    private static void evictAStalledClient() throws IOException {
        String topic = Server.freshTopic("stalled");
        String body = "x".repeat(4_000);
        try (RawWebSocket stalled = RawWebSocket.open(server.news(), Map.of(), 4_096)) {
            stalled.sendText(subscribe("s", topic));
            stalled.readUntil(RawWebSocket.TEXT); // welcome
            stalled.readUntil(RawWebSocket.TEXT); // subscribed; from here on it reads nothing
            for (int i = 0; i < 4_000 && evicted() == 0; i++) {
                server.publish(topic, "item " + i, body);
                if (i % 50 == 0) {
                    stalled.sendText("{\"type\":\"ping\"}"); // it writes, so the heartbeat does not reap it
                }
            }
        } catch (IOException reset) {
            // the server ended the stalled connection while the client still wrote: evicted
        }
        assertTrue(evicted() >= 1, "the stalled client was evicted");
    }

    private static int evicted() {
        JsonObject stats = server.get("api/stats").getJsonObject("body");
        return stats.getInt("evicted");
    }

    /** Waits until Prometheus has scraped the expression to at least this value. */
    private static void assertSeen(String promql, double atLeast) {
        await(promql + " >= " + atLeast).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> PROMETHEUS.query(promql) >= atLeast);
    }

    private static int health(String check) {
        return Server.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + NODE.managementPort()
                + "/health/" + check))).statusCode();
    }
}
