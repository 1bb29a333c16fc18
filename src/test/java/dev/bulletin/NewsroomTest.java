package dev.bulletin;

import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.Entry;
import dev.bulletin.store.InMemoryStore;
import dev.bulletin.store.StoredNews;
import dev.bulletin.stream.Sequencer;
import dev.bulletin.testing.FrameRecorder;
import dev.bulletin.tracing.Tracing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ordering guarantees of publish and subscribe, under concurrent publishers. */
class NewsroomTest {

    private final Hub hub = new Hub(100_000, Runnable::run);
    private final List<Sequencer> sequencers = new ArrayList<>();
    private final InMemoryStore store = new InMemoryStore(10_000);
    private final Newsroom newsroom = room(store);

    @AfterEach
    void stop() {
        sequencers.forEach(Sequencer::stop);
    }

    private Newsroom room(InMemoryStore on) {
        Sequencer sequencer = new Sequencer(on, hub, item -> { }, Executors.defaultThreadFactory(), Metrics.NONE, Tracing.NONE);
        sequencers.add(sequencer);
        return new Newsroom(on, on, sequencer, hub, Clock.systemUTC(), 100, Metrics.NONE);
    }

    @Test
    void concurrentPublishersGiveEverySubscriberTheSameOrder() throws Exception {
        List<FrameRecorder> collectors = IntStream.range(0, 3).mapToObj(i -> new FrameRecorder()).toList();
        collectors.forEach(c -> newsroom.subscribe(hub.connect(c, null, false, null), null, List.of("world"), Map.of(), 0));

        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = IntStream.range(0, 4).<Future<?>>mapToObj(p -> publishers.submit(() ->
                    IntStream.range(0, 250).forEach(i -> newsroom.publish(NewsDraft.of("world", p + "-" + i))))).toList();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            publishers.shutdown();
        }

        List<Long> expected = LongStream.rangeClosed(1, 1_000).boxed().toList();
        for (FrameRecorder collector : collectors) {
            assertEquals(expected, collector.seqs("news"), "every item once, in cursor order");
            assertEquals(titles(collectors.get(0)), titles(collector), "the same order for everyone");
        }
    }

    @Test
    void looksUpOnlyAnIdThePublisherGave() {
        List<String> lookedUp = new CopyOnWriteArrayList<>();
        InMemoryStore counting = new InMemoryStore(100) {
            @Override
            public synchronized List<Appended> append(List<Append<?>> appends) {
                appends.stream().map(Append.News.class::cast).filter(Append.News::publishersId)
                        .forEach(news -> lookedUp.add(news.item().id()));
                return super.append(appends);
            }
        };
        Newsroom room = room(counting);

        room.publish(NewsDraft.of("world", "no id"));
        assertEquals(List.of(), lookedUp, "a generated id cannot have been stored before");

        assertTrue(room.publish(NewsDraft.of("world", "given id").withId("a-1")).created());
        assertFalse(room.publish(NewsDraft.of("world", "given id").withId("a-1")).created(), "the retry is not published again");
        assertEquals(List.of("a-1", "a-1"), lookedUp);

        NewsDraft validatedEarlier = NewsDraft.of("world", "validated by the Publisher").validated();
        assertTrue(room.publish(validatedEarlier, false).created());
        assertEquals(List.of("a-1", "a-1"), lookedUp, "an id the Publisher generated is not looked up");
    }

    @Test
    void resumingWhilePublishingLosesAndRepeatsNothing() throws Exception {
        IntStream.range(0, 100).forEach(i -> newsroom.publish(NewsDraft.of("world", "before " + i)));
        String cursor = store.recent("world", 50).get(0).cursor().toString();

        ExecutorService publisher = Executors.newSingleThreadExecutor();
        FrameRecorder collector = new FrameRecorder();
        try {
            Future<?> publishing = publisher.submit(() ->
                    IntStream.range(0, 2_000).forEach(i -> newsroom.publish(NewsDraft.of("world", "during " + i))));
            Subscriber subscriber = hub.connect(collector, null, false, null);
            newsroom.subscribe(subscriber, "r", List.of("world"), Map.of("world", cursor), 0);
            publishing.get();
        } finally {
            publisher.shutdown();
        }

        long from = Long.parseLong(cursor.substring(cursor.indexOf(':') + 1)) + 1;
        assertEquals(LongStream.rangeClosed(from, 2_100).boxed().toList(), collector.seqs("news"));
    }

    private static List<String> titles(FrameRecorder session) {
        return session.of("news").stream().map(f -> f.getJsonObject("item").getString("title")).toList();
    }

    @Test
    void anItemPublishedWhileTheBacklogIsReadIsDeliveredOnceInOrder() throws Exception {
        Subscriptions run = subscribeWhilePublishing(1);
        assertEquals(List.of(2L, 3L, 4L), run.resumingRightAfter(), "the one published meanwhile, without waiting");
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), run.resuming().seqs("news"), "read, published meanwhile, then live");
        assertTrue(run.resuming().last("subscribed").getJsonObject("resumed").getBoolean("world"));
        assertEquals(List.of(3L, 4L, 5L, 6L), run.recent().seqs("news"), "the recent two, the one meanwhile, then live");
    }

    @Test
    void moreItemsPublishedWhileTheBacklogIsReadThanTheHubKeepsAreReadFromTheStore() throws Exception {
        int meanwhile = Hub.TAIL + 6;
        Subscriptions run = subscribeWhilePublishing(meanwhile);
        long last = 3 + 2L * meanwhile + 1;
        assertEquals(LongStream.rangeClosed(2, last).boxed().toList(), run.resuming().seqs("news"));
        assertEquals(LongStream.rangeClosed(3 + meanwhile - 1, last).boxed().toList(), run.recent().seqs("news"),
                "the recent two as the read found them, then what was published meanwhile, then live");
    }

    @Test
    void aResumeWithinWhatTheHubDeliveredLastReadsNothingFromTheStore() {
        AtomicInteger reads = new AtomicInteger();
        InMemoryStore counting = new InMemoryStore(100) {
            @Override
            public Optional<List<Entry>> after(StreamId stream, Cursor cursor, int limit) {
                reads.incrementAndGet();
                return super.after(stream, cursor, limit);
            }
        };
        Newsroom room = room(counting);
        room.subscribe(hub.connect(new FrameRecorder(), null, false, null), "1", List.of("world"), Map.of(), 0);
        List<String> cursors = IntStream.range(0, 5)
                .mapToObj(i -> room.publish(NewsDraft.of("world", "item " + i)).news().cursor().toString()).toList();

        FrameRecorder back = new FrameRecorder();
        room.subscribe(hub.connect(back, null, false, null), "2", List.of("world"), Map.of("world", cursors.get(1)), 0);
        assertEquals(List.of(3L, 4L, 5L), back.seqs("news"));
        assertTrue(back.of("news").stream().allMatch(f -> f.getBoolean("replay")), "replayed, and marked so");
        assertEquals(0, reads.get(), "served from the items the hub delivered last");

        room.subscribe(hub.connect(new FrameRecorder(), null, false, null), "3", List.of("world"),
                Map.of("world", cursors.get(0).replace(":1", ":0")), 0);
        assertEquals(0, reads.get(), "cursor 0 is just before the oldest kept: still from the hub");
    }

    /**
     * Three items, then a subscriber resuming after the first and one asking for the recent two,
     * each while {@code meanwhile} items are published between its read of the backlog and its
     * hold of the topic, then one item live.
     */
    private Subscriptions subscribeWhilePublishing(int meanwhile) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        AtomicBoolean interfere = new AtomicBoolean();
        Newsroom[] room = new Newsroom[1];
        Runnable publishMeanwhile = () -> assertDoesNotThrow(() -> other.submit(() -> IntStream.range(0, meanwhile)
                .forEach(i -> room[0].publish(NewsDraft.of("world", "meanwhile " + i)))).get(10, TimeUnit.SECONDS),
                "a publisher gets in between the read and the hold; it does not wait for the reader");
        InMemoryStore slow = new InMemoryStore(1_000) {
            @Override
            public Optional<List<Entry>> after(StreamId stream, Cursor cursor, int limit) {
                Optional<List<Entry>> read = super.after(stream, cursor, limit);
                if (interfere.getAndSet(false)) {
                    publishMeanwhile.run();
                }
                return read;
            }

            @Override
            public List<StoredNews> recent(String topic, int count) {
                List<StoredNews> read = super.recent(topic, count);
                if (interfere.getAndSet(false)) {
                    publishMeanwhile.run();
                }
                return read;
            }
        };
        room[0] = room(slow);
        try {
            String epoch = room[0].publish(NewsDraft.of("world", "one")).news().cursor().epoch();
            room[0].publish(NewsDraft.of("world", "two"));
            room[0].publish(NewsDraft.of("world", "three"));
            FrameRecorder resuming = new FrameRecorder();
            interfere.set(true);
            room[0].subscribe(hub.connect(resuming, null, false, null), "1", List.of("world"),
                    Map.of("world", epoch + ":1"), 0);
            List<Long> resumingRightAfter = resuming.seqs("news");
            FrameRecorder recent = new FrameRecorder();
            interfere.set(true);
            room[0].subscribe(hub.connect(recent, null, false, null), "2", List.of("world"), Map.of(), 2);
            room[0].publish(NewsDraft.of("world", "live"));
            return new Subscriptions(resuming, resumingRightAfter, recent);
        } finally {
            other.shutdownNow();
        }
    }

    private record Subscriptions(FrameRecorder resuming, List<Long> resumingRightAfter, FrameRecorder recent) {
    }
}
