package dev.bulletin.hub;

import java.util.concurrent.atomic.LongAdder;

/** Counters since start; written on the send path without contention. */
final class HubStats {
    final LongAdder delivered = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder evicted = new LongAdder();
}
