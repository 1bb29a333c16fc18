package dev.bulletin.it.cluster;

import dev.bulletin.it.Server;
import dev.bulletin.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.bulletin.testing.Frames.subscribe;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Traces as an operator sees them: two nodes configured with wildfly-config/configure-tracing.cli
 * export OTLP to a collector, and a publish on one node is one trace, from the REST request through
 * Bulletin's store, fan-out and announcement to the fan-out on the other node.
 */
class TracingIT {

    private static final Node A = new Node("traced-a", 600);
    private static final Node B = new Node("traced-b", 700);
    private static Collector collector;
    private static Server a;
    private static Server b;

    @BeforeAll
    static void start() throws Exception {
        collector = new Collector();
        // the collector here speaks OTLP over HTTP, not the gRPC the script sets; the OTEL_* variables choose
        Map<String, String> environment = Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(), "OTEL_BSP_SCHEDULE_DELAY", "100",
                // JGroups finds the two nodes at 7600 plus their port offsets
                "BULLETIN_NODE_1_PORT", "8200", "BULLETIN_NODE_2_PORT", "8300");
        for (Node node : List.of(A, B)) {
            node.configure("configure-tracing.cli");
            node.start(environment);
        }
        a = new Server(A.url());
        b = new Server(B.url());
        // Artemis joins the two nodes' brokers a while after both start; until then only the sweep delivers
        await("each node hearing the other over the bus").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> hears(a, B) && hears(b, A));
    }

    private static boolean hears(Server server, Node other) {
        return server.get("api/stats").getJsonObject("body").getJsonObject("nodes").containsKey(other.name);
    }

    @AfterAll
    static void stop() throws Exception {
        A.kill();
        B.kill();
        collector.close();
    }

    @Test
    void aPublishIsOneTraceFromTheRequestThroughTheStoreAndTheBusToTheOtherNodesFanOut() {
        String topic = Server.freshTopic("traced");
        try (TestClient onB = TestClient.connect(b.news())) {
            onB.next("welcome");
            onB.send(subscribe("1", topic));
            onB.next("subscribed");
            a.publish(topic, "Quake");
            onB.next("news");
        }
        Collector.Span publish = await("the publish's span").atMost(Duration.ofSeconds(30))
                .until(() -> find("bulletin.publish", span -> topic.equals(span.attributes().get("bulletin.topic"))),
                        Optional::isPresent).orElseThrow();
        Collector.Span request = spanOf(publish.parentSpanId());
        assertEquals("POST /bulletin/api/news", request.name(), "under the REST request's span, which holds the validation");
        assertEquals("traced-a", publish.attributes().get("bulletin.node"));
        for (String step : List.of("bulletin.store", "bulletin.fanout", "bulletin.announce")) {
            await(step).atMost(Duration.ofSeconds(30))
                    .until(() -> find(step, span -> span.parentSpanId().equals(publish.spanId())), Optional::isPresent);
        }
        Collector.Span announce = find("bulletin.announce", span -> span.parentSpanId().equals(publish.spanId()))
                .orElseThrow();
        Collector.Span received = await("the other node's span").atMost(Duration.ofSeconds(30))
                .until(() -> find("bulletin.receive", span -> span.parentSpanId().equals(announce.spanId())),
                        Optional::isPresent).orElseThrow();
        assertEquals(publish.traceId(), received.traceId(), "one trace on both nodes");
        assertEquals("traced-b", received.attributes().get("bulletin.node"));
    }

    @Test
    void aNotificationsSpansNameNoUserAndOnlyTracesAreExported() {
        String title = Server.freshTopic("invoice");
        try (TestClient alice = TestClient.connect(b.notifications(), TestClient.basic("alice", "alice-secret"))) {
            alice.next("welcome");
            alice.drainUntilPong();
            HttpResponse<String> answer = a.notify("{\"to\":{\"users\":[\"alice\"]},\"title\":\"" + title + "\"}");
            assertEquals(202, answer.statusCode(), answer.body());
            alice.next("notification");
        }
        await("the notification's spans on both nodes").atMost(Duration.ofSeconds(30)).until(() -> collector.spans()
                .stream().anyMatch(span -> span.name().equals("bulletin.receive")
                        && "traced-b".equals(span.attributes().get("bulletin.node"))
                        && find("bulletin.publish", publish -> publish.traceId().equals(span.traceId())
                        && "notification".equals(publish.attributes().get("bulletin.kind"))).isPresent()));
        for (Collector.Span span : collector.spans()) {
            assertFalse(span.name().contains("alice") || span.attributes().values().stream()
                    .anyMatch(value -> value.contains("alice") || value.contains(title)), span.toString());
        }
        assertEquals(List.of(), collector.otherPaths(), "no metrics or logs over OTLP: Prometheus has the metrics");
    }

    private static Optional<Collector.Span> find(String name, Predicate<Collector.Span> which) {
        return collector.spans().stream().filter(span -> span.name().equals(name)).filter(which).findFirst();
    }

    private static Collector.Span spanOf(String spanId) {
        return await("span " + spanId).atMost(Duration.ofSeconds(30))
                .until(() -> collector.spans().stream().filter(span -> span.spanId().equals(spanId)).findFirst(),
                        Optional::isPresent).orElseThrow();
    }
}
