package dev.bulletin.hub;

import dev.bulletin.protocol.EncodedFrame;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session's frames on their way out: bounded, in order, with at most one send in flight.
 * Any thread may offer; whichever thread finds the queue idle runs the drain loop, and a
 * send that completes on the sending thread does not recurse (the {@code work} counter
 * carries it round the loop instead).
 */
final class OutboundQueue {

    private final Sink sink;
    private final int bound;
    private final HubStats stats;
    private final Runnable onFailure;
    private final Queue<EncodedFrame> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger work = new AtomicInteger();
    private volatile boolean inFlight;
    private volatile boolean closed;

    OutboundQueue(Sink sink, int bound, HubStats stats, Runnable onFailure) {
        this.sink = sink;
        this.bound = bound;
        this.stats = stats;
        this.onFailure = onFailure;
    }

    /** Queues a frame and sends it if nothing is in flight; false when the queue is closed or full, and then the frame is not sent. */
    boolean offer(EncodedFrame frame) {
        if (!enqueue(frame)) {
            return false;
        }
        drain();
        return true;
    }

    /**
     * Queues a frame without sending it; false when the queue is closed or full. Its place in the
     * order is fixed here: call {@link #drain} later, on any thread, unless {@link #sending}.
     */
    boolean enqueue(EncodedFrame frame) {
        if (closed) {
            return false;
        }
        if (size.incrementAndGet() > bound) {
            size.decrementAndGet();
            return false;
        }
        frames.offer(frame);
        return true;
    }

    /**
     * Whether a send is in flight: its completion sends what was queued before this answered, so
     * a frame queued before asking needs no {@link #drain} when this is true.
     */
    boolean sending() {
        return inFlight;
    }

    int size() {
        return size.get();
    }

    /** Stops sending and drops what is queued; returns how many frames were dropped. */
    int close() {
        closed = true;
        int dropped = 0;
        while (frames.poll() != null) {
            size.decrementAndGet();
            dropped++;
        }
        return dropped;
    }

    /** Sends the next frame if none is in flight; any thread may call it at any time. */
    void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!inFlight && !closed) {
                EncodedFrame next = frames.poll();
                if (next != null) {
                    size.decrementAndGet();
                    inFlight = true;
                    sink.send(next, this::sent);
                }
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    private void sent(Throwable failure) {
        if (failure != null) {
            stats.dropped.increment();
            onFailure.run();
            return;
        }
        stats.delivered.increment();
        inFlight = false;
        drain();
    }
}
