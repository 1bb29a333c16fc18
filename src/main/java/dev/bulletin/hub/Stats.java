package dev.bulletin.hub;

/** What {@code GET /api/stats} answers: open sessions, topic subscriptions, and frame counters since start. */
public record Stats(int sessions, long subscriptions, long delivered, long dropped, long evicted) {
}
