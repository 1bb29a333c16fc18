package dev.bulletin.hub;

import dev.bulletin.protocol.CloseCode;
import dev.bulletin.protocol.EncodedFrame;
import dev.bulletin.protocol.ServerFrame;
import dev.bulletin.protocol.StreamId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubTest {

    private final Hub hub = new Hub(4, Runnable::run);

    private Subscriber join(RecordingSink sink, String topic) {
        Subscriber subscriber = hub.connect(sink, null, false, null);
        hub.exclusive(List.of(StreamId.topic(topic)), () -> {
            hub.join(subscriber, StreamId.topic(topic));
            return null;
        });
        return subscriber;
    }

    private void broadcast(String topic, EncodedFrame frame) {
        hub.exclusive(List.of(StreamId.topic(topic)), () -> {
            hub.broadcast(StreamId.topic(topic), frame);
            return null;
        });
    }

    @Test
    void sendsTheSameEncodedTextToEverySubscriber() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        join(first, "world");
        join(second, "world");
        EncodedFrame frame = hub.encode(new ServerFrame.Pong(null, "now"));
        broadcast("world", frame);
        assertSame(frame.json(), first.sent.get(0), "encoded once, not per session");
        assertSame(frame.json(), second.sent.get(0));
    }

    @Test
    void evictsASlowSubscriberWith1013AndKeepsDeliveringToTheOthers() {
        RecordingSink slow = new RecordingSink();
        slow.hold = true;
        RecordingSink fast = new RecordingSink();
        join(slow, "world");
        join(fast, "world");
        for (int i = 0; i < 10; i++) {
            broadcast("world", new EncodedFrame("item " + i));
        }
        assertEquals(CloseCode.TRY_AGAIN_LATER, slow.closedWith);
        assertEquals(10, fast.sent.size());
        assertEquals(1, hub.subscriberCount(StreamId.topic("world")));
        Stats stats = hub.stats();
        assertEquals(1, stats.evicted());
        assertEquals(1, stats.sessions());
    }

    @Test
    void forgetsADisconnectedSubscriberEverywhere() {
        RecordingSink sink = new RecordingSink();
        Subscriber subscriber = join(sink, "world");
        join(new RecordingSink(), "tech");
        hub.disconnect(subscriber);
        broadcast("world", new EncodedFrame("after"));
        assertTrue(sink.sent.isEmpty());
        assertEquals(new Stats(1, 1, 0, 0, 0), hub.stats());
    }

    @Test
    void joinsOfOneSubscriberToDifferentTopicsAtOnceAreAllKept() throws Exception {
        // each join holds its own topic's lock only, so the subscriber's own set must take concurrent changes
        Subscriber subscriber = hub.connect(new RecordingSink(), null, false, null);
        Set<String> topics = IntStream.range(0, 400).mapToObj(i -> "t" + i).collect(Collectors.toSet());
        ExecutorService joiners = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> joins = topics.stream().<Future<?>>map(topic -> joiners.submit(() -> hub.exclusive(List.of(StreamId.topic(topic)), () -> {
                hub.join(subscriber, StreamId.topic(topic));
                return null;
            }))).toList();
            for (Future<?> join : joins) {
                join.get();
            }
        } finally {
            joiners.shutdown();
        }
        assertEquals(topics, subscriber.topics());
        assertEquals(400, hub.stats().subscriptions());
    }

    @Test
    void joiningOutsideTheTopicsLockIsAMistake() {
        Subscriber subscriber = hub.connect(new RecordingSink(), null, false, null);
        assertThrows(IllegalStateException.class, () -> hub.join(subscriber, StreamId.topic("world")));
    }

    @Test
    void closesEveryoneWithTheGivenCode() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        join(first, "a");
        join(second, "b");
        hub.closeAll(CloseCode.GOING_AWAY, "bye");
        assertEquals(CloseCode.GOING_AWAY, first.closedWith);
        assertEquals(CloseCode.GOING_AWAY, second.closedWith);
        assertEquals(new Stats(0, 0, 0, 0, 0), hub.stats());
    }
}
