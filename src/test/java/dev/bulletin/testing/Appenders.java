package dev.bulletin.testing;

import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.Append;
import dev.bulletin.stream.Sequencer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Many publishers appending news through one sequencer at once, as a busy server's requests do, and sessions following it. */
public final class Appenders {

    private Appenders() {
    }

    /**
     * {@code publishers} threads each append {@code itemsEach} items, publisher p's item i to topic
     * {@code topics.apply((p + i) % streams)}; answers the cursor sequence numbers each topic's
     * appenders were given, in the order they were answered.
     */
    public static Map<String, List<Long>> append(Sequencer sequencer, int publishers, int itemsEach, int streams,
                                                 IntFunction<String> topics) throws Exception {
        Map<String, List<Long>> answered = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(publishers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                int publisher = p;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < itemsEach; i++) {
                        String topic = topics.apply((publisher + i) % streams);
                        long seq = sequencer.append(news(topic, publisher + "-" + i)).news().cursor().seq();
                        answered.computeIfAbsent(topic, key -> new CopyOnWriteArrayList<>()).add(seq);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        return answered;
    }

    /** A session of the hub that follows the topic from where its delivery stands. */
    public static FrameRecorder follow(Hub hub, Sequencer sequencer, String topic) {
        FrameRecorder reader = new FrameRecorder();
        Subscriber subscriber = hub.connect(reader, null, false, null);
        StreamId stream = StreamId.topic(topic);
        hub.exclusive(List.of(stream), () -> {
            sequencer.catchUp(stream);
            hub.join(subscriber, stream);
            return null;
        });
        return reader;
    }

    /** A valid news item for the topic, appended as if the server had given it its id. */
    public static Append.News news(String topic, String title) {
        return new Append.News(topic, NewsDraft.of(topic, title).validated().toItem(Instant.now()), false);
    }
}
