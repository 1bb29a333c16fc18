package dev.bulletin.hub;

/** What {@code GET /api/stats} answers: open sessions, topic subscriptions, and frame counters since start. */
public record Stats(int sessions, long subscriptions, long delivered, long dropped, long evicted) {

    public static final Stats ZERO = new Stats(0, 0, 0, 0, 0);

    public Stats plus(Stats other) {
        return new Stats(sessions + other.sessions, subscriptions + other.subscriptions, delivered + other.delivered,
                dropped + other.dropped, evicted + other.evicted);
    }
}
