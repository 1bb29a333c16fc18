package dev.bulletin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every setting Bulletin reads, each from the system property {@code bulletin.NAME} or else
 * the environment variable {@code BULLETIN_NAME} (upper case, {@code -} as {@code _}); a blank
 * value means the default. A bad value stops the start, and with it the deployment, with a
 * message that names the setting.
 *
 * @param allowedOrigins  Origins that may open a WebSocket ({@code scheme://host[:port]}, or {@code *});
 *                        empty means the request's own origin only
 * @param heartbeatMillis how often the server pings; two silent heartbeats close the connection
 * @param maxTopics       subscriptions a session may hold
 * @param queueBound      frames a session may have waiting before it is evicted with 1013
 * @param roles           roles a notification may be addressed to; a user's membership is checked when they connect
 * @param retentionDays   read notifications and news older than this are purged; unread ones are kept
 * @param ticketSeconds   how long a ticket from {@code POST /api/tickets} may wait to be used
 * @param node            this server's name in a cluster, unique there; WildFly's {@code jboss.node.name} by default
 * @param jmsTopic        JNDI name of the JMS topic the nodes of a cluster announce on; empty for a single server
 * @param jmsConnectionFactory JNDI name of a JMS connection factory that allows message listeners (not a pooled,
 *                        JCA one)
 * @param rateLimit       client frames a connection may send per second (and at once); publishers are not limited
 * @param maxConnections  open connections this server accepts; past it a new one is closed with 1013
 * @param maxConnectionsPerUser open connections one user may have on this server; past it 1013
 * @param maxConnectionsPerAddress open connections from one IP address on this server, past it 1013; 0 for no
 *                        limit (the default: behind a proxy every client has the proxy's address)
 * @param outboxRelayMillis how often the relay looks for drafts left in the outbox (after a crash or a store
 *                        outage) besides right after each commit; 0 holds every draft there (maintenance, tests)
 * @param topicPolicy     which topics are private, and which roles may read and publish them ({@link TopicPolicy})
 * @param clockSkewSeconds how long after its bearer token's {@code exp} a connection stays open, for a server
 *                        whose clock runs behind the identity provider's; then it closes with 4001
 */
public record BulletinConfig(List<String> allowedOrigins, long heartbeatMillis, int maxTopics, int queueBound,
                             List<String> roles, int retentionDays, int ticketSeconds, String node, String jmsTopic,
                             String jmsConnectionFactory, int rateLimit, int maxConnections,
                             int maxConnectionsPerUser, int maxConnectionsPerAddress, long outboxRelayMillis,
                             TopicPolicy topicPolicy, int clockSkewSeconds) {

    public static final BulletinConfig DEFAULTS = new BulletinConfig(List.of(), 30_000, 100, 1_024, List.of(), 30, 30,
            defaultNode(), "", "java:/ConnectionFactory", 20, 20_000, 20, 0, 5_000, TopicPolicy.NONE, 0);

    public BulletinConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        roles = List.copyOf(roles);
        allowedOrigins.forEach(BulletinConfig::requireOrigin);
        requirePositive("heartbeat-ms", heartbeatMillis);
        requirePositive("max-topics", maxTopics);
        requirePositive("queue-bound", queueBound);
        requirePositive("retention-days", retentionDays);
        requirePositive("ticket-seconds", ticketSeconds);
        requirePositive("rate-limit", rateLimit);
        requirePositive("max-connections", maxConnections);
        requirePositive("max-connections-per-user", maxConnectionsPerUser);
        if (maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException("Setting bulletin.max-connections-per-address must be 0 (no limit) or"
                    + " positive, got " + maxConnectionsPerAddress);
        }
        if (outboxRelayMillis < 0) {
            throw new IllegalArgumentException("Setting bulletin.outbox-relay-ms must be 0 (held) or positive, got "
                    + outboxRelayMillis);
        }
        if (clockSkewSeconds < 0) {
            throw new IllegalArgumentException("Setting bulletin.clock-skew-seconds must be 0 or positive, got "
                    + clockSkewSeconds);
        }
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(jmsTopic, "jmsTopic");
        Objects.requireNonNull(jmsConnectionFactory, "jmsConnectionFactory");
        Objects.requireNonNull(topicPolicy, "topicPolicy");
    }

    public static BulletinConfig fromEnvironment() {
        return new BulletinConfig(
                read("allowed-origins", BulletinConfig::list, DEFAULTS.allowedOrigins),
                read("heartbeat-ms", Long::parseLong, DEFAULTS.heartbeatMillis),
                read("max-topics", Integer::parseInt, DEFAULTS.maxTopics),
                read("queue-bound", Integer::parseInt, DEFAULTS.queueBound),
                read("roles", BulletinConfig::list, DEFAULTS.roles),
                read("retention-days", Integer::parseInt, DEFAULTS.retentionDays),
                read("ticket-seconds", Integer::parseInt, DEFAULTS.ticketSeconds),
                read("node", String::valueOf, DEFAULTS.node),
                read("jms-topic", String::valueOf, DEFAULTS.jmsTopic),
                read("jms-connection-factory", String::valueOf, DEFAULTS.jmsConnectionFactory),
                read("rate-limit", Integer::parseInt, DEFAULTS.rateLimit),
                read("max-connections", Integer::parseInt, DEFAULTS.maxConnections),
                read("max-connections-per-user", Integer::parseInt, DEFAULTS.maxConnectionsPerUser),
                read("max-connections-per-address", Integer::parseInt, DEFAULTS.maxConnectionsPerAddress),
                read("outbox-relay-ms", Long::parseLong, DEFAULTS.outboxRelayMillis),
                read("topic-policy", TopicPolicy::parse, DEFAULTS.topicPolicy),
                read("clock-skew-seconds", Integer::parseInt, DEFAULTS.clockSkewSeconds));
    }

    public BulletinConfig withClockSkewSeconds(int seconds) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, queueBound, roles, retentionDays,
                ticketSeconds, node, jmsTopic, jmsConnectionFactory, rateLimit, maxConnections, maxConnectionsPerUser,
                maxConnectionsPerAddress, outboxRelayMillis, topicPolicy, seconds);
    }

    public Duration clockSkew() {
        return Duration.ofSeconds(clockSkewSeconds);
    }

    public Duration ticketLifetime() {
        return Duration.ofSeconds(ticketSeconds);
    }

    public BulletinConfig withHeartbeatMillis(long millis) {
        return new BulletinConfig(allowedOrigins, millis, maxTopics, queueBound, roles, retentionDays, ticketSeconds,
                node, jmsTopic, jmsConnectionFactory, rateLimit, maxConnections,
                maxConnectionsPerUser, maxConnectionsPerAddress, outboxRelayMillis, topicPolicy, clockSkewSeconds);
    }

    public BulletinConfig withQueueBound(int bound) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, bound, roles, retentionDays,
                ticketSeconds,
                node, jmsTopic, jmsConnectionFactory, rateLimit, maxConnections,
                maxConnectionsPerUser, maxConnectionsPerAddress, outboxRelayMillis, topicPolicy, clockSkewSeconds);
    }

    public BulletinConfig withRoles(String... names) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, queueBound, List.of(names),
                retentionDays, ticketSeconds, node, jmsTopic, jmsConnectionFactory, rateLimit, maxConnections,
                maxConnectionsPerUser, maxConnectionsPerAddress, outboxRelayMillis, topicPolicy, clockSkewSeconds);
    }

    public BulletinConfig withNode(String name) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, queueBound, roles, retentionDays,
                ticketSeconds, name, jmsTopic, jmsConnectionFactory, rateLimit, maxConnections,
                maxConnectionsPerUser, maxConnectionsPerAddress, outboxRelayMillis, topicPolicy, clockSkewSeconds);
    }

    public BulletinConfig withLimits(int frameRate, int connections, int connectionsPerUser,
                                     int connectionsPerAddress) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, queueBound, roles, retentionDays,
                ticketSeconds, node, jmsTopic, jmsConnectionFactory, frameRate, connections, connectionsPerUser,
                connectionsPerAddress, outboxRelayMillis, topicPolicy, clockSkewSeconds);
    }

    public BulletinConfig withTopicPolicy(String policy) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, queueBound, roles, retentionDays,
                ticketSeconds, node, jmsTopic, jmsConnectionFactory, rateLimit, maxConnections, maxConnectionsPerUser,
                maxConnectionsPerAddress, outboxRelayMillis, TopicPolicy.parse(policy), clockSkewSeconds);
    }

    /** The roles a user is checked for as a connection opens: those notifications go to, and those of the topic policy. */
    public Set<String> checkedRoles() {
        Set<String> checked = new TreeSet<>(roles);
        checked.addAll(topicPolicy.roles());
        return checked;
    }

    public BulletinConfig withOutboxRelayMillis(long millis) {
        return new BulletinConfig(allowedOrigins, heartbeatMillis, maxTopics, queueBound, roles, retentionDays,
                ticketSeconds, node, jmsTopic, jmsConnectionFactory, rateLimit, maxConnections, maxConnectionsPerUser,
                maxConnectionsPerAddress, millis, topicPolicy, clockSkewSeconds);
    }

    /** Whether drafts stay in the outbox: {@code outbox-relay-ms} is 0. */
    public boolean outboxHeld() {
        return outboxRelayMillis == 0;
    }

    /** These settings with {@code max-connections} no higher than the process's open-file limit allows. */
    public BulletinConfig withinOpenFiles() {
        return withLimits(rateLimit, OpenFiles.connections(maxConnections), maxConnectionsPerUser,
                maxConnectionsPerAddress);
    }

    /** Whether the nodes of a cluster announce to each other over JMS. */
    public boolean clustered() {
        return !jmsTopic.isEmpty();
    }

    private static String defaultNode() {
        String wildfly = System.getProperty("jboss.node.name");
        return wildfly != null ? wildfly : Long.toString(ProcessHandle.current().pid());
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
            if (e.getMessage() != null && e.getMessage().startsWith("Setting bulletin.")) {
                throw e; // the parser's own words (TopicPolicy's), which name the setting and say what is wrong
            }
            // Without the parser's exception as cause: servers report the innermost cause, and this one names the setting.
            throw new IllegalArgumentException("Setting bulletin." + name + " has a bad value '" + value + "'");
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

    /** An Origin header is {@code scheme://host[:port]}: no path, no trailing slash, nothing else. */
    private static void requireOrigin(String origin) {
        if (origin.equals("*")) {
            return;
        }
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() != null && uri.getHost() != null && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("Setting bulletin.allowed-origins has '" + origin
                + "', which is not an origin: write scheme://host[:port], e.g. https://news.example.com, or *");
    }
}
