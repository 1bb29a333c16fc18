package dev.bulletin.hub;

import dev.bulletin.protocol.EncodedFrame;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.protocol.StreamId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FanOutWorkersTest {

    private static final int SUBSCRIBERS = 3 * FanOutWorkers.SHARE;
    private static final int FRAMES = 30;
    private static final StreamId TOPIC = StreamId.topic("world");

    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "fan-out-worker"));
    private final ExecutorService completions = Executors.newFixedThreadPool(2);
    private final Hub hub = new Hub(FRAMES, Runnable::run, workers, 2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
        completions.shutdownNow();
    }

    @Test
    void aBigTopicsSendsAreSharedWithTheWorkersAndEachSessionKeepsItsOrder() {
        Set<String> senders = ConcurrentHashMap.newKeySet();
        List<ThreadedSink> sinks = IntStream.range(0, SUBSCRIBERS).mapToObj(i -> new ThreadedSink(senders)).toList();
        for (ThreadedSink sink : sinks) {
            Subscriber subscriber = hub.connect(sink, null, false, null);
            hub.exclusive(List.of(TOPIC), () -> {
                hub.join(subscriber, TOPIC);
                return null;
            });
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            String text = "frame " + i;
            expected.add(text);
            hub.exclusive(List.of(TOPIC), () -> {
                hub.broadcast(TOPIC, new EncodedFrame(text));
                return null;
            });
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> sinks.stream().allMatch(sink -> sink.sent.size() == FRAMES));
        for (ThreadedSink sink : sinks) {
            assertEquals(expected, sink.sent, "every frame, once, in the order published");
        }
        assertTrue(senders.contains("fan-out-worker"), "workers sent some: " + senders);
        assertTrue(senders.contains(Thread.currentThread().getName()), "the publishing thread sent some: " + senders);
        assertEquals(0, hub.stats().evicted());
    }

    /** Completes each send later on another thread, as a container does, so completions race the next fan-out. */
    private final class ThreadedSink implements Sink {

        final List<String> sent = new CopyOnWriteArrayList<>();
        private final Set<String> senders;

        ThreadedSink(Set<String> senders) {
            this.senders = senders;
        }

        @Override
        public void send(EncodedFrame frame, Consumer<Throwable> done) {
            senders.add(Thread.currentThread().getName());
            sent.add(frame.json());
            completions.execute(() -> done.accept(null));
        }

        @Override
        public void ping() {
        }

        @Override
        public void close(CloseCode code, String reason) {
            throw new AssertionError("closed with " + code + ": " + reason);
        }
    }
}
