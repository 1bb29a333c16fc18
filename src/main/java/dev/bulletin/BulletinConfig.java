package dev.bulletin;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Every setting Bulletin reads, each from the system property {@code bulletin.NAME} or else
 * the environment variable {@code BULLETIN_NAME}. A bad value stops the start with a message
 * that names the setting.
 *
 * @param allowedOrigins  Origins that may open a WebSocket; empty means the request's own origin only
 * @param heartbeatMillis how often the server pings; two silent heartbeats close the connection
 * @param maxTopics       subscriptions a session may hold
 * @param queueBound      frames a session may have waiting before it is evicted with 1013
 * @param historyPerTopic news items kept per topic for {@code recent} and {@code resume}
 */
public record BulletinConfig(List<String> allowedOrigins, long heartbeatMillis, int maxTopics, int queueBound,
                             int historyPerTopic) {

    public static final BulletinConfig DEFAULTS = new BulletinConfig(List.of(), 30_000, 100, 1_024, 1_000);

    public BulletinConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        requirePositive("heartbeat-ms", heartbeatMillis);
        requirePositive("max-topics", maxTopics);
        requirePositive("queue-bound", queueBound);
        requirePositive("history-per-topic", historyPerTopic);
    }

    public static BulletinConfig fromEnvironment() {
        return new BulletinConfig(
                read("allowed-origins", BulletinConfig::origins, DEFAULTS.allowedOrigins),
                read("heartbeat-ms", Long::parseLong, DEFAULTS.heartbeatMillis),
                read("max-topics", Integer::parseInt, DEFAULTS.maxTopics),
                read("queue-bound", Integer::parseInt, DEFAULTS.queueBound),
                read("history-per-topic", Integer::parseInt, DEFAULTS.historyPerTopic));
    }

    public BulletinConfig withHeartbeatMillis(long millis) {
        return new BulletinConfig(allowedOrigins, millis, maxTopics, queueBound, historyPerTopic);
    }

    public BulletinConfig withQueueBound(int bound) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, bound, historyPerTopic);
    }

    public BulletinConfig withHistoryPerTopic(int items) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, queueBound, items);
    }

    private static <T> T read(String name, Function<String, T> parse, T fallback) {
        String value = System.getProperty("bulletin." + name);
        if (value == null) {
            value = System.getenv("BULLETIN_" + name.toUpperCase().replace('-', '_'));
        }
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Setting bulletin." + name + " has a bad value '" + value + "'", e);
        }
    }

    private static List<String> origins(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Setting bulletin." + name + " must be positive, got " + value);
        }
    }
}
