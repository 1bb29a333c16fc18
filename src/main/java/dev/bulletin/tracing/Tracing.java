package dev.bulletin.tracing;

/**
 * Where a publish is traced: through the server's OpenTelemetry where the application sees it
 * (WildFly with {@code configure-tracing.cli}), else {@link #NONE}. A publish is one trace: its span
 * is a child of whatever the publishing thread is part of (the REST request, a host's own span), the
 * store, the fan-out here and the announcement are its children, and the fan-out on every other node
 * joins it through the W3C {@code traceparent} that the announcement carries.
 */
public interface Tracing {

    /** Traces nothing. */
    Tracing NONE = new Tracing() {
    };

    /**
     * Begins a publish's trace on the calling thread.
     *
     * @param kind  {@code news} or {@code notification}
     * @param topic the news item's topic; {@code null} for a notification, whose stream names users
     */
    default Trace publish(String kind, String topic) {
        return Trace.NONE;
    }

    /** The calling thread's span as a W3C {@code traceparent}, for another node; {@code null} if none. */
    default String current() {
        return null;
    }

    /**
     * Runs the work of an announcement from another node as a span of the trace its
     * {@code traceparent} names; without one, just runs it.
     */
    default void continued(String traceparent, String name, Runnable work) {
        work.run();
    }
}
