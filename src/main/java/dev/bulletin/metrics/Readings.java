package dev.bulletin.metrics;

/** The values Bulletin keeps anyway, read when the registry is scraped. */
public interface Readings {

    /** Open connections of an endpoint: {@code news} or {@code notifications}. */
    int connections(String endpoint);

    /** Subscriptions of the open connections: topics, and signed-in users' inboxes and roles. */
    long subscriptions();

    /** Frames handed to connections since start. */
    long delivered();

    /** Frames dropped since start: those queued for a connection that was evicted or failed. */
    long dropped();

    /** Connections evicted with 1013 for reading too slowly, since start. */
    long evicted();
}
