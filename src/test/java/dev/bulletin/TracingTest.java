package dev.bulletin;

import dev.bulletin.bus.Announcement;
import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Identity;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.testing.FrameRecorder;
import dev.bulletin.tracing.otel.OpenTelemetryTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A publish as one trace across two nodes, through the OpenTelemetry SDK's in-memory exporter: the
 * publish under the caller's span, the store, the fan-out and the announcement under the publish, and
 * the other node's fan-out under the announcement, joined by the {@code traceparent} it carried.
 */
class TracingTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
            .build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Stores stores = Stores.inMemory(100);
    private final List<Consumer<Announcement>> nodes = new CopyOnWriteArrayList<>();
    private final Bulletin a = start("a");
    private final Bulletin b = start("b");

    @AfterEach
    void stop() {
        a.stop();
        b.stop();
        scheduler.shutdownNow();
        openTelemetry.close();
    }

    @Test
    void aPublishIsOneTraceFromTheCallerToTheOtherNodesFanOut() {
        FrameRecorder onB = new FrameRecorder();
        b.newsroom().subscribe(b.open(onB, null, false, null), "1", List.of("world"), Map.of(), 0);
        Span request = openTelemetry.getTracer("test").spanBuilder("POST /api/news").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            a.newsroom().publish(NewsDraft.of("world", "Quake"));
        } finally {
            request.end();
        }
        await().until(() -> onB.of("news").size() == 1 && named("bulletin.receive").size() == 1);

        SpanData publish = one("bulletin.publish");
        assertEquals(request.getSpanContext().getSpanId(), publish.getParentSpanId(), "under the caller's span");
        assertEquals("world", publish.getAttributes().get(stringKey("bulletin.topic")));
        for (String step : List.of("bulletin.store", "bulletin.fanout", "bulletin.announce")) {
            assertEquals(publish.getSpanId(), one(step).getParentSpanId(), step + " under the publish");
        }
        SpanData received = one("bulletin.receive");
        assertEquals(publish.getTraceId(), received.getTraceId(), "one trace on both nodes");
        assertEquals(one("bulletin.announce").getSpanId(), received.getParentSpanId());
        assertEquals("b", received.getAttributes().get(stringKey("bulletin.node")));
    }

    @Test
    void aNotificationsSpansNameNoUser() {
        b.open(new FrameRecorder(), new Identity("alice", Set.of(), "h1"), false, null);
        a.notifications().notify(NotificationDraft.of(Audience.users("alice"), "Invoice"));
        await().until(() -> named("bulletin.receive").size() == 1);

        assertTrue(exported.getFinishedSpanItems().size() >= 5, "publish, store, fan-out, announce, receive");
        for (SpanData span : exported.getFinishedSpanItems()) {
            assertFalse(span.getName().contains("alice") || span.getAttributes().asMap().values().stream()
                    .anyMatch(value -> value.toString().contains("alice")), span.toString());
        }
    }

    @Test
    void withoutTracingTheOtherNodeStillDeliversAndNoSpanIsMade() {
        Bulletin untraced = Bulletin.start(BulletinConfig.DEFAULTS.withNode("c"), stores, this::connect, scheduler,
                Executors.defaultThreadFactory());
        try {
            FrameRecorder onA = new FrameRecorder();
            a.newsroom().subscribe(a.open(onA, null, false, null), "1", List.of("world"), Map.of(), 0);
            untraced.newsroom().publish(NewsDraft.of("world", "Quake"));
            await().until(() -> onA.of("news").size() == 1);
            assertEquals(List.of(), exported.getFinishedSpanItems(), "an announcement without a traceparent starts no trace");
        } finally {
            untraced.stop();
        }
    }

    private Bulletin start(String node) {
        return Bulletin.start(BulletinConfig.DEFAULTS.withNode(node), stores, this::connect, scheduler,
                Executors.defaultThreadFactory(), Metrics.NONE, new OpenTelemetryTracing(openTelemetry, node));
    }

    /** A bus that hands each announcement to the other nodes at once, on the announcing thread. */
    private Bus connect(Consumer<Announcement> receiver) {
        nodes.add(receiver);
        return new Bus() {
            @Override
            public void announce(Announcement announcement) {
                nodes.stream().filter(other -> other != receiver).forEach(other -> other.accept(announcement));
            }

            @Override
            public void close() {
                nodes.remove(receiver);
            }
        };
    }

    private List<SpanData> named(String name) {
        return exported.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).toList();
    }

    private SpanData one(String name) {
        List<SpanData> spans = named(name);
        assertEquals(1, spans.size(), name + ": " + spans);
        return spans.get(0);
    }
}
