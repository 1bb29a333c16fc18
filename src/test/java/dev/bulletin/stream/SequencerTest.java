package dev.bulletin.stream;

import dev.bulletin.hub.Hub;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.InMemoryStore;
import dev.bulletin.testing.Appenders;
import dev.bulletin.testing.FrameRecorder;
import dev.bulletin.tracing.Tracing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.bulletin.testing.Appenders.news;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group commit: many appenders at once, one transaction per group, every stream gap-free and in order. */
class SequencerTest {

    private static final int PUBLISHERS = 100;
    private static final int ITEMS_EACH = 1_000;
    private static final int STREAMS = 50;

    private final Hub hub = new Hub(1_000_000, Runnable::run);
    private final List<Integer> groups = new CopyOnWriteArrayList<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicBoolean hold = new AtomicBoolean();
    private final AtomicBoolean down = new AtomicBoolean();
    private final InMemoryStore store = new InMemoryStore(ITEMS_EACH * PUBLISHERS) {
        @Override
        public synchronized List<Appended> append(List<Append<?>> appends) {
            groups.add(appends.size());
            if (down.get()) {
                throw new IllegalStateException("database unreachable");
            }
            return super.append(appends);
        }
    };
    private final List<Hub.Item> announced = new CopyOnWriteArrayList<>();
    private final Sequencer sequencer = new Sequencer(new HoldingLog(), hub, announced::add,
            Executors.defaultThreadFactory(), Metrics.NONE, Tracing.NONE);

    @AfterEach
    void stop() {
        released.countDown();
        sequencer.stop();
    }

    @Test
    void concurrentAppendersGetGapFreeCursorsDeliveredOnceInOrderInFewTransactions() throws Exception {
        Map<String, FrameRecorder> readers = new ConcurrentHashMap<>();
        for (int s = 0; s < STREAMS; s++) {
            readers.put("t" + s, Appenders.follow(hub, sequencer, "t" + s));
        }
        Map<String, List<Long>> answered = Appenders.append(sequencer, PUBLISHERS, ITEMS_EACH, STREAMS, s -> "t" + s);
        int perStream = PUBLISHERS * ITEMS_EACH / STREAMS;
        List<Long> all = LongStream.rangeClosed(1, perStream).boxed().toList();
        readers.forEach((topic, reader) -> {
            assertEquals(all, reader.seqs("news"), topic + ": every item once, in cursor order, with no gap");
            assertEquals(all, answered.get(topic).stream().sorted().toList(), topic + ": each cursor answered once");
        });
        assertEquals(PUBLISHERS * ITEMS_EACH, announced.size(), "each item announced once");
        assertTrue(groups.size() < PUBLISHERS * ITEMS_EACH / 4,
                "appends at the same time share transactions: " + groups.size() + " for " + PUBLISHERS * ITEMS_EACH);
        assertTrue(groups.stream().allMatch(size -> size <= Sequencer.MAX_BATCH), "no group is over the bound");
    }

    @Test
    void aGroupThatFailsAnswersEachOfItsAppendersWithTheFailureAndDeliversNone() throws Exception {
        FrameRecorder reader = Appenders.follow(hub, sequencer, "world");
        hold.set(true);
        CompletableFuture<Appended.News> first = sequencer.submit(news("world", "held"));
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the committing thread writes the first group");
        List<CompletableFuture<Appended.News>> failing = IntStream.range(0, 5)
                .mapToObj(i -> sequencer.submit(news("world", "lost " + i))).toList();
        down.set(true);
        released.countDown(); // the held group fails, and the five queued meanwhile form the next one, which fails too
        for (CompletableFuture<Appended.News> answer : failing) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
            assertEquals("database unreachable", failure.getCause().getMessage());
        }
        assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(1, 5), groups, "one group held, and the five that queued meanwhile in one");
        down.set(false);
        assertEquals(1, sequencer.append(news("world", "after")).news().cursor().seq(), "nothing was written");
        assertEquals(List.of(1L), reader.seqs("news"), "and nothing was delivered before");
        assertEquals(1, announced.size());
    }

    /** The store, whose first append waits while {@code hold} is set, until the test releases it. */
    private final class HoldingLog extends Forwarding {
        HoldingLog() {
            super(store);
        }

        @Override
        public List<Appended> append(List<Append<?>> appends) {
            if (hold.getAndSet(false)) {
                holding.countDown();
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.append(appends);
        }
    }
}
