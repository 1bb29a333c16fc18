package dev.bulletin.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between reconnect attempts: exponential from {@code initial}, capped at {@code max},
 * with jitter (a random delay between half and all of it), so that thousands of clients
 * dropped at once do not come back at once. After a 1013 ("try again later") the delay is at
 * least {@code tryLater}.
 */
public record Backoff(Duration initial, Duration max, Duration tryLater) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(5));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay before attempt number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt, boolean tryAgainLater) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        long millis = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        return Duration.ofMillis(tryAgainLater ? Math.max(millis, tryLater.toMillis()) : millis);
    }
}
