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
 * @param roles           roles a notification may be addressed to; a user's membership is checked when they connect
 * @param retentionDays   read notifications and news older than this are purged; unread ones are kept
 */
public record BulletinConfig(List<String> allowedOrigins, long heartbeatMillis, int maxTopics, int queueBound,
                             List<String> roles, int retentionDays) {

    public static final BulletinConfig DEFAULTS = new BulletinConfig(List.of(), 30_000, 100, 1_024, List.of(), 30);

    public BulletinConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        roles = List.copyOf(roles);
        requirePositive("heartbeat-ms", heartbeatMillis);
        requirePositive("max-topics", maxTopics);
        requirePositive("queue-bound", queueBound);
        requirePositive("retention-days", retentionDays);
    }

    public static BulletinConfig fromEnvironment() {
        return new BulletinConfig(
                read("allowed-origins", BulletinConfig::list, DEFAULTS.allowedOrigins),
                read("heartbeat-ms", Long::parseLong, DEFAULTS.heartbeatMillis),
                read("max-topics", Integer::parseInt, DEFAULTS.maxTopics),
                read("queue-bound", Integer::parseInt, DEFAULTS.queueBound),
                read("roles", BulletinConfig::list, DEFAULTS.roles),
                read("retention-days", Integer::parseInt, DEFAULTS.retentionDays));
    }

    public BulletinConfig withHeartbeatMillis(long millis) {
        return new BulletinConfig(allowedOrigins, millis, maxTopics, queueBound, roles, retentionDays);
    }

    public BulletinConfig withQueueBound(int bound) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, bound, roles, retentionDays);
    }

    public BulletinConfig withRoles(String... names) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, queueBound, List.of(names),
                retentionDays);
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

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Setting bulletin." + name + " must be positive, got " + value);
        }
    }
}
