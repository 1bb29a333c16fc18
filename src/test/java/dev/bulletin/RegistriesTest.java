package dev.bulletin;

import dev.bulletin.protocol.CloseCode;
import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.ClientFrame;
import dev.bulletin.protocol.ClientFrameDecoder;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.testing.FrameRecorder;
import dev.bulletin.testing.StuckSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client names (topics, addresses) lives in the hub only while a connection holds it, however
 * the connection goes; and one frame's work follows its distinct names and the documented limits.
 */
class RegistriesTest {

    private static final int CONNECTIONS = 1_000;
    private static final int TOPICS_EACH = 100;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Bulletin bulletin = Bulletin.start(BulletinConfig.DEFAULTS.withQueueBound(8),
            Stores.inMemory(10_000), receiver -> Bus.NONE, scheduler, Executors.defaultThreadFactory());
    private final Hub hub = bulletin.hub();

    @AfterEach
    void stop() {
        bulletin.stop();
        scheduler.shutdownNow();
    }

    @Test
    void aHundredThousandMadeUpTopicsLeaveNothingBehindTheirConnections() {
        long heapBefore = usedHeapAfterGc();
        for (int c = 0; c < CONNECTIONS; c++) {
            Subscriber subscriber = bulletin.open(new FrameRecorder(), null, false, "192.0.2." + (c % 250));
            int first = c * TOPICS_EACH;
            List<String> names = IntStream.range(first, first + TOPICS_EACH).mapToObj(i -> "made-up-" + i).toList();
            bulletin.handle(subscriber, new ClientFrame.Subscribe("1", names, Map.of(), 0));
            if (c % 2 == 0) {
                bulletin.close(subscriber); // the socket closed without unsubscribing
            } else {
                hub.close(subscriber, CloseCode.POLICY, "closed by the server"); // as an eviction or a limit does
            }
        }
        await().until(() -> hub.streamCount() == 0); // a contended prune runs on the close thread
        assertEquals(0, hub.sessionCount());
        assertEquals(0, hub.addressCount(), "no address is counted once its connections are gone");
        long grown = usedHeapAfterGc() - heapBefore;
        assertTrue(grown < 16 << 20, "the heap grew by " + (grown >> 20) + " MB after every connection left");
    }

    @Test
    void anEvictedSubscriberLeavesNoStreamBehind() {
        Subscriber stuck = bulletin.open(new StuckSink(), null, false, null);
        bulletin.handle(stuck, new ClientFrame.Subscribe("1", List.of("alone"), Map.of(), 0));
        IntStream.range(0, 20).forEach(i -> bulletin.newsroom().publish(NewsDraft.of("alone", "item " + i)));
        assertTrue(stuck.isGone(), "evicted past the queue bound");
        assertEquals(0, hub.streamCount(), "the topic it alone followed is forgotten");
    }

    @Test
    void aTopicNamedManyTimesInOneFrameIsSubscribedAndReplayedOnce() {
        IntStream.range(0, 5).forEach(i -> bulletin.newsroom().publish(NewsDraft.of("world", "item " + i)));
        String topics = String.join(",", java.util.Collections.nCopies(7_000, "\"world\""));
        ClientFrame frame = new ClientFrameDecoder().decode(
                "{\"type\":\"subscribe\",\"ref\":\"1\",\"topics\":[" + topics + "],\"recent\":5}");
        FrameRecorder reader = new FrameRecorder();
        bulletin.handle(bulletin.open(reader, null, false, null), frame);
        assertEquals(List.of("world"), reader.last("subscribed").getJsonArray("topics").getValuesAs(
                jakarta.json.JsonString::getString));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), reader.seqs("news"), "each item once");
    }

    @Test
    void aTopicFollowedAlreadyIsNotReplayedAgain() {
        IntStream.range(0, 5).forEach(i -> bulletin.newsroom().publish(NewsDraft.of("world", "item " + i)));
        FrameRecorder reader = new FrameRecorder();
        Subscriber subscriber = bulletin.open(reader, null, false, null);
        bulletin.handle(subscriber, new ClientFrame.Subscribe("1", List.of("world"), Map.of(), 5));
        bulletin.handle(subscriber, new ClientFrame.Subscribe("2", List.of("world"), Map.of(), 5));
        assertEquals(2, reader.of("subscribed").size());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), reader.seqs("news"), "live already: the second replays nothing");
    }

    @Test
    void oneFrameReplaysAtMostMaxReplayItemsInAll() {
        String epoch = bulletin.newsroom().publish(NewsDraft.of("a", "first")).news().cursor().epoch();
        IntStream.range(0, 950).forEach(i -> bulletin.newsroom().publish(NewsDraft.of("a", "item " + i)));
        for (String topic : List.of("b", "c")) {
            IntStream.range(0, 600).forEach(i -> bulletin.newsroom().publish(NewsDraft.of(topic, "item " + i)));
        }
        FrameRecorder reader = new FrameRecorder();
        Subscriber subscriber = bulletin.open(reader, null, false, null);
        bulletin.newsroom().subscribe(subscriber, "1", List.of("a", "b", "c"),
                Map.of("a", epoch + ":1", "b", epoch + ":0", "c", epoch + ":0"), 100);
        assertEquals(Map.of("a", true, "b", false, "c", false), reader.last("subscribed").getJsonObject("resumed")
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue() == jakarta.json.JsonValue.TRUE)));
        Map<String, Long> perTopic = reader.of("news").stream().collect(java.util.stream.Collectors.groupingBy(
                f -> f.getString("topic"), java.util.stream.Collectors.counting()));
        assertEquals(Map.of("a", 950L, "b", 50L), perTopic,
                "a's 950 missed items, then what is left of the frame's 1,000 for b's recent, none for c");
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
