package dev.bulletin.tracing;

import java.time.Instant;

/** One publish's trace, from the thread that published to the one that commits, delivers and announces it. */
public interface Trace {

    /** Traces nothing. */
    Trace NONE = new Trace() {
    };

    /** The store committed the publish, between these instants, in one transaction with {@code appends} others and itself. */
    default void stored(Instant start, Instant end, int appends) {
    }

    /** Runs a step of the publish (the fan-out here, the announcement) as a span of its own. */
    default void step(String name, Runnable step) {
        step.run();
    }

    /** The publish was answered: with this failure, or none ({@code null}). */
    default void end(Throwable failure) {
    }
}
