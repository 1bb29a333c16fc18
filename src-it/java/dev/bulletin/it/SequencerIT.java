package dev.bulletin.it;

import dev.bulletin.hub.Hub;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NewsItem;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.jpa.JpaStreamLog;
import dev.bulletin.stream.Sequencer;
import dev.bulletin.testing.Appenders;
import dev.bulletin.testing.FrameRecorder;
import dev.bulletin.tracing.Tracing;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.bulletin.testing.Appenders.news;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The sequencer on the server's own database (H2 or PostgreSQL) and transactions: many appenders at
 * once get gap-free cursors, delivered once and in order, and a group the database refuses is
 * neither acknowledged nor delivered. Topics are new to each run, since the database outlives it.
 */
@ExtendWith(ArquillianExtension.class)
class SequencerIT {

    private static final int PUBLISHERS = 100;
    private static final int ITEMS_EACH = 1_000;
    private static final int STREAMS = 50;

    @Deployment
    static WebArchive war() {
        return DeployedWar.archive().addClasses(Appenders.class, FrameRecorder.class);
    }

    @Inject
    JpaStreamLog log;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Hub hub = new Hub(PUBLISHERS * ITEMS_EACH, Runnable::run);
    private final List<Hub.Item> announced = new CopyOnWriteArrayList<>();
    private final CountDownLatch go = new CountDownLatch(1);
    private Sequencer sequencer;

    @AfterEach
    void stop() {
        go.countDown();
        sequencer.stop();
    }

    @Test
    void concurrentAppendersGetGapFreeCursorsDeliveredOnceAndInOrder() throws Exception {
        start(threads);
        Map<String, FrameRecorder> readers = new ConcurrentHashMap<>();
        for (int s = 0; s < STREAMS; s++) {
            readers.put(topic(s), Appenders.follow(hub, sequencer, topic(s)));
        }
        Map<String, List<Long>> answered = Appenders.append(sequencer, PUBLISHERS, ITEMS_EACH, STREAMS, this::topic);
        List<Long> all = LongStream.rangeClosed(1, PUBLISHERS * ITEMS_EACH / STREAMS).boxed().toList();
        readers.forEach((topic, reader) -> {
            assertEquals(all, reader.seqs("news"), topic + ": every item once, in cursor order, with no gap");
            assertEquals(all, answered.get(topic).stream().sorted().toList(), topic + ": each cursor answered once");
            assertEquals(all.size(), log.last(List.of(StreamId.topic(topic))).get(StreamId.topic(topic)).seq(),
                    topic + ": stored as answered");
        });
        assertEquals(PUBLISHERS * ITEMS_EACH, announced.size(), "each item announced once");
    }

    @Test
    void aGroupTheDatabaseRefusesIsNeitherAcknowledgedNorDelivered() throws Exception {
        // the committing thread waits until the whole group is queued, so that it is written as one
        start(task -> threads.newThread(() -> {
            awaitGo();
            task.run();
        }));
        String topic = topic(0);
        FrameRecorder reader = Appenders.follow(hub, sequencer, topic);
        List<CompletableFuture<Appended.News>> group = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> group.add(sequencer.submit(news(topic, "lost " + i))));
        NewsItem tooLong = new NewsItem(UUID.randomUUID().toString(), "x".repeat(NewsDraft.MAX_TITLE + 1), null,
                null, "normal", List.of(), Instant.now());
        group.add(sequencer.submit(new Append.News(topic, tooLong, false))); // longer than its column
        go.countDown();
        for (CompletableFuture<Appended.News> answer : group) {
            assertThrows(ExecutionException.class, () -> answer.get(1, TimeUnit.MINUTES), "not acknowledged");
        }
        assertEquals(0, log.last(List.of(StreamId.topic(topic))).get(StreamId.topic(topic)).seq(), "nothing stored");
        assertEquals(1, sequencer.append(news(topic, "after")).news().cursor().seq(), "no cursor was spent");
        assertEquals(List.of(1L), reader.seqs("news"), "and nothing of the refused group was delivered");
        assertEquals(1, announced.size());
    }

    private void start(ThreadFactory committer) {
        sequencer = new Sequencer(log, hub, announced::add, committer, Metrics.NONE, Tracing.NONE);
    }

    private void awaitGo() {
        try {
            go.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String topic(int stream) {
        return "seq-" + run + "-" + stream;
    }
}
