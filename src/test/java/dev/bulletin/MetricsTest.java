package dev.bulletin;

import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Identity;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.metrics.micrometer.MicrometerMetrics;
import dev.bulletin.protocol.ClientFrame;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.testing.FrameRecorder;
import dev.bulletin.testing.StuckSink;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Bulletin records into a Micrometer registry, meter by meter, and that no label carries a user's words. */
class MetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Bulletin bulletin = Bulletin.start(BulletinConfig.DEFAULTS.withQueueBound(4).withRoles("ops")
                    .withLimits(2, 20_000, 1, 0),
            Stores.inMemory(100), receiver -> Bus.NONE, scheduler, Executors.defaultThreadFactory(),
            new MicrometerMetrics(registry));

    @AfterEach
    void stop() {
        bulletin.stop();
        scheduler.shutdownNow();
    }

    @Test
    void connectionsDeliveriesEvictionsRefusalsResumesAndTimesAreCounted() {
        FrameRecorder reader = new FrameRecorder();
        Subscriber news = bulletin.open(reader, null, false, null);
        bulletin.open(new FrameRecorder(), new Identity("alice", Set.of(), "h1"), false, null);
        Subscriber slow = bulletin.open(new StuckSink(), null, false, null);
        assertEquals(1.0, gauge("bulletin.connections", "endpoint", "news") - 1, "news: the reader and the slow one");
        assertEquals(1.0, gauge("bulletin.connections", "endpoint", "notifications"));
        System.gc(); // the registry holds what its gauges read weakly: Bulletin's readings must outlive a collection
        assertEquals(1.0, gauge("bulletin.connections", "endpoint", "notifications"));

        bulletin.handle(news, new ClientFrame.Subscribe("s", List.of("world"), Map.of(), 0));
        bulletin.handle(slow, new ClientFrame.Subscribe("s", List.of("world"), Map.of(), 0));
        assertEquals(3.0, gauge("bulletin.subscriptions", null, null), "two of world, and alice's inbox");
        String cursor = bulletin.newsroom().publish(NewsDraft.of("world", "Quake")).news().cursor().toString();
        for (int i = 0; i < 5; i++) {
            bulletin.newsroom().publish(NewsDraft.of("world", "Aftershock " + i));
        }
        await().until(() -> count("bulletin.evictions") == 1.0);
        assertTrue(count("bulletin.frames.delivered") >= 6, "the reader's six items at least");
        assertTrue(count("bulletin.frames.dropped") >= 1, "the slow one's queue");
        assertEquals(6, registry.get("bulletin.delivery.lag").functionTimer().count(), "one per item");
        assertTrue(registry.get("bulletin.delivery.lag.max.seconds").gauge().value() > 0);
        assertTrue(registry.get("bulletin.store.commit").functionTimer().count() >= 1);
        assertTrue(registry.get("bulletin.store.batch.max.appends").gauge().value() >= 1);

        bulletin.handle(bulletin.open(new FrameRecorder(), null, false, null),
                new ClientFrame.Subscribe("r", List.of("world"), Map.of("world", cursor), 0));
        bulletin.handle(bulletin.open(new FrameRecorder(), null, false, null),
                new ClientFrame.Subscribe("r", List.of("world"), Map.of("world", "0badc0de:1"), 0));
        assertEquals(1.0, count("bulletin.resumes", "outcome", "resumed"));
        assertEquals(1.0, count("bulletin.resumes", "outcome", "not_resumed"));

        bulletin.open(new FrameRecorder(), new Identity("alice", Set.of(), "h2"), false, null); // one per user
        assertEquals(1.0, count("bulletin.refusals", "reason", "limit"));
        for (int i = 0; i < 4; i++) {
            bulletin.handle(news, new ClientFrame.Subscribe("x" + i, List.of("tech"), Map.of(), 0));
        }
        assertTrue(count("bulletin.refusals", "reason", "rate_limit") >= 1, "past two frames a second");
        bulletin.metrics().refused(Metrics.Refusal.ORIGIN); // as OriginFilter does
        assertEquals(1.0, count("bulletin.refusals", "reason", "origin"));
    }

    @Test
    void noLabelNamesAUserATopicOrATicket() {
        Subscriber alice = bulletin.open(new FrameRecorder(), new Identity("alice", Set.of("ops"), "h1"), false, null);
        bulletin.handle(alice, new ClientFrame.Subscribe("s", List.of("secret-plans"), Map.of(), 0));
        bulletin.newsroom().publish(NewsDraft.of("secret-plans", "Top secret"));
        bulletin.tickets().issue(new Identity("alice", Set.of(), "h1"));
        Set<String> labels = registry.getMeters().stream().flatMap(meter -> meter.getId().getTags().stream())
                .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.toSet());
        assertEquals(Set.of("endpoint=news", "endpoint=notifications", "reason=origin", "reason=auth", "reason=limit",
                "reason=rate_limit", "outcome=resumed", "outcome=not_resumed"), labels);
        assertTrue(registry.getMeters().stream().map(Meter::getId).allMatch(id -> id.getName().startsWith("bulletin.")));
    }

    @Test
    void theMetersGoWhenBulletinStops() {
        assertTrue(!registry.getMeters().isEmpty());
        bulletin.stop();
        assertEquals(List.of(), registry.getMeters());
    }

    private double gauge(String name, String tag, String value) {
        return (tag == null ? registry.get(name) : registry.get(name).tag(tag, value)).gauge().value();
    }

    private double count(String name) {
        return registry.get(name).functionCounter().count();
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }
}
