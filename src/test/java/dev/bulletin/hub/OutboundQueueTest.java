package dev.bulletin.hub;

import dev.bulletin.protocol.EncodedFrame;
import dev.bulletin.protocol.CloseCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundQueueTest {

    private final RecordingSink sink = new RecordingSink();
    private final AtomicInteger failures = new AtomicInteger();

    @Test
    void keepsOneSendInFlightAndTheOrder() {
        sink.hold = true;
        OutboundQueue queue = new OutboundQueue(sink, 10, new HubStats(), failures::incrementAndGet);
        queue.offer(new EncodedFrame("a"));
        queue.offer(new EncodedFrame("b"));
        queue.offer(new EncodedFrame("c"));
        assertEquals(List.of("a"), sink.sent, "the second send waits for the first");
        sink.complete();
        assertEquals(List.of("a", "b"), sink.sent);
        sink.complete();
        sink.complete();
        assertEquals(List.of("a", "b", "c"), sink.sent);
        assertEquals(0, queue.size());
    }

    @Test
    void refusesFramesPastTheBound() {
        sink.hold = true;
        OutboundQueue queue = new OutboundQueue(sink, 2, new HubStats(), failures::incrementAndGet);
        assertTrue(queue.offer(new EncodedFrame("in flight")));
        assertTrue(queue.offer(new EncodedFrame("1")));
        assertTrue(queue.offer(new EncodedFrame("2")));
        assertFalse(queue.offer(new EncodedFrame("3")), "two are waiting already");
        assertEquals(2, queue.size());
    }

    @Test
    void sendsThatCompleteOnTheCallingThreadDoNotRecurse() {
        OutboundQueue queue = new OutboundQueue(sink, 200_000, new HubStats(), failures::incrementAndGet);
        IntStream.range(0, 100_000).forEach(i -> queue.offer(new EncodedFrame(String.valueOf(i))));
        assertEquals(100_000, sink.sent.size());
    }

    @Test
    void aFailedSendReportsAndStops() {
        Sink failing = new Sink() {
            @Override
            public void send(EncodedFrame frame, java.util.function.Consumer<Throwable> done) {
                done.accept(new java.io.IOException("broken pipe"));
            }

            @Override
            public void ping() {
            }

            @Override
            public void close(CloseCode code, String reason) {
            }
        };
        OutboundQueue queue = new OutboundQueue(failing, 10, new HubStats(), failures::incrementAndGet);
        queue.offer(new EncodedFrame("a"));
        assertEquals(1, failures.get());
    }

    @Test
    void closingDropsWhatWaits() {
        sink.hold = true;
        OutboundQueue queue = new OutboundQueue(sink, 10, new HubStats(), failures::incrementAndGet);
        queue.offer(new EncodedFrame("a"));
        queue.offer(new EncodedFrame("b"));
        queue.offer(new EncodedFrame("c"));
        assertEquals(2, queue.close());
        assertFalse(queue.offer(new EncodedFrame("d")));
    }
}
