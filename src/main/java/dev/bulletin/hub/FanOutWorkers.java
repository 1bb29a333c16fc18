package dev.bulletin.hub;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends what one fan-out queued: the calling thread starts the queues itself when they are few,
 * and splits them with the workers when there are many, so that the last subscriber of a big topic
 * does not wait for one thread to write to all the others first. Each frame's place in its
 * session's order was fixed when it was queued, so draining in parallel reorders nothing.
 */
final class FanOutWorkers {

    /** The fewest queues worth handing to another thread: fewer than twice this, the calling thread starts them all. */
    static final int SHARE = 512;

    private final Executor workers;
    private final int count;

    /** {@code count} workers from {@code workers}; with none, the calling thread does it all. */
    FanOutWorkers(Executor workers, int count) {
        this.workers = workers;
        this.count = count;
    }

    /** Starts sending on each queue: in up to {@code count + 1} parts, one of them on this thread. */
    void drain(List<OutboundQueue> ready) {
        int parts = Math.min(count + 1, Math.max(1, ready.size() / SHARE));
        int size = ready.size();
        for (int part = 1; part < parts; part++) {
            List<OutboundQueue> share = ready.subList(part * size / parts, (part + 1) * size / parts);
            try {
                workers.execute(() -> share.forEach(OutboundQueue::drain));
            } catch (RejectedExecutionException stopping) {
                share.forEach(OutboundQueue::drain);
            }
        }
        ready.subList(0, size / parts).forEach(OutboundQueue::drain);
    }
}
