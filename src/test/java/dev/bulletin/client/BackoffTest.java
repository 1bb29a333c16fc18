package dev.bulletin.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(5));

    @Test
    void delaysGrowExponentiallyWithJitterUpToTheCap() {
        for (int attempt = 0; attempt < 40; attempt++) {
            long ceiling = Math.min(10_000, 100L << Math.min(attempt, 20));
            long millis = backoff.delay(attempt, false).toMillis();
            assertTrue(millis >= ceiling / 2 && millis <= ceiling, attempt + ": " + millis + " ms");
        }
    }

    @Test
    void afterTryAgainLaterTheDelayIsAtLeastItsMinimum() {
        assertTrue(backoff.delay(0, true).toMillis() >= 5_000);
    }

    @Test
    void theBoundsMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO));
    }
}
