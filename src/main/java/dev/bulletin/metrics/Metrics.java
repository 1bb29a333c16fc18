package dev.bulletin.metrics;

import java.time.Duration;

/**
 * What Bulletin counts and times for an operator, recorded into the meter registry the server
 * provides (Micrometer's, on WildFly); {@link #NONE} where it provides none. Counters that Bulletin
 * keeps anyway (connections, deliveries, evictions) are read when the registry is scraped, through
 * {@link Readings}, so the send path pays nothing for them; what is recorded here happens once per
 * refusal, subscribe, committed group, published item or heartbeat, never per delivered frame.
 * No meter has a label that names a user, a topic or a ticket.
 */
public interface Metrics {

    /** Records nothing. */
    Metrics NONE = new Metrics() {
    };

    /** Why a connection or a request was turned away. */
    enum Refusal {
        /** A foreign {@code Origin} (403 before the upgrade). */
        ORIGIN("origin"),
        /** No user, a refused credential or token, or a ticket that is not valid (401). */
        AUTHENTICATION("auth"),
        /** Past {@code max-connections}, per user or per address (1013). */
        CONNECTION_LIMIT("limit"),
        /** A frame past the rate limit ({@code rate-limited}, then 1008). */
        RATE_LIMIT("rate_limit");

        private final String label;

        Refusal(String label) {
            this.label = label;
        }

        /** Its value of the {@code reason} label. */
        public String label() {
            return label;
        }
    }

    /** Binds the counters Bulletin keeps anyway; called once, as Bulletin starts. */
    default void bind(Readings readings) {
    }

    default void refused(Refusal reason) {
    }

    /** A topic asked to be resumed from a cursor, and whether it could be. */
    default void resumed(boolean resumed) {
    }

    /** A group of appends committed in one transaction: how long the store took, and how many. */
    default void committed(Duration took, int appends) {
    }

    /** An item went out to every subscriber here: how long after its commit it was queued to the last. */
    default void queued(Duration sinceCommit) {
    }

    /** An announcement from another node arrived, this long after it was sent. */
    default void announced(Duration lag) {
    }

    /** One connection's outbound queue as the heartbeat passed it: a sample of the queues' depths. */
    default void queueDepth(int frames) {
    }

    /** Removes Bulletin's meters, as the application stops. */
    default void close() {
    }
}
