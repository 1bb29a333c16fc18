package dev.bulletin;

import dev.bulletin.bus.Announcement;
import dev.bulletin.bus.Bus;
import dev.bulletin.faults.FailureLog;
import dev.bulletin.faults.Watched;
import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Identity;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.metrics.Readings;
import dev.bulletin.hub.RateLimit;
import dev.bulletin.hub.Sink;
import dev.bulletin.hub.Stats;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.ClientFrame;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.protocol.ErrorCode;
import dev.bulletin.protocol.InvalidInput;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.protocol.ServerFrame;
import dev.bulletin.store.NewsStore;
import dev.bulletin.store.NotificationStore;
import dev.bulletin.store.Outbox;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.StreamLog;
import dev.bulletin.store.TicketStore;
import dev.bulletin.stream.Sequencer;
import dev.bulletin.tracing.Tracing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The core of one Bulletin instance, with no container in it: the hub, the newsroom, the
 * notifications, the tickets, the bus to the other nodes and the timers. The endpoints hand it
 * connections and frames; the REST API and the {@code Publisher} publish through it. The
 * container's CDI producer makes one per application, on the JPA stores; tests make their own, on
 * the in-memory ones.
 */
public final class Bulletin {

    /**
     * How often a node of a cluster looks in the store for items whose announcement it missed,
     * and tells the others its counters.
     */
    public static final Duration SWEEP = Duration.ofSeconds(5);

    /** Error frames in a row after which a connection is closed with 1008: a client that keeps sending bad frames. */
    public static final int MAX_BAD_FRAMES = 10;

    private static final System.Logger LOG = System.getLogger(Bulletin.class.getName());

    // Resolved as the class loads: Payara closes the application's class loader before it disposes
    // of Bulletin, and stop() cannot load a class then (found in UndeployIT on Payara).
    private static final CloseCode SHUTTING_DOWN = CloseCode.GOING_AWAY;

    private final BulletinConfig config;
    private final Hub hub;
    private final Sequencer sequencer;
    private final Newsroom newsroom;
    private final Notifications notifications;
    private final Tickets tickets;
    private final RateLimit rateLimit;
    private final Clock clock;
    private final ScheduledFuture<?> heartbeat;
    private final ScheduledFuture<?> retention;
    private final Map<String, Heard> peers = new ConcurrentHashMap<>();
    private final FailureLog storeLog;
    private final FailureLog heartbeatLog;
    private final FailureLog ticketSweepLog;
    private final FailureLog purgeLog;
    private final FailureLog sweepLog;
    private final OutboxRelay relay;
    private final ScheduledFuture<?> relaySchedule;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService fanOut;
    private final Metrics metrics;
    private final Tracing tracing;
    private volatile Bus bus = Bus.NONE;
    private volatile ScheduledFuture<?> sweep;

    private Bulletin(BulletinConfig config, Stores stores, ScheduledExecutorService scheduler, ThreadFactory threads,
                     Clock clock, Metrics metrics, Tracing tracing) {
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.storeLog = new FailureLog("The store");
        this.heartbeatLog = new FailureLog("The heartbeat", storeLog);
        this.ticketSweepLog = new FailureLog("The sweep of expired tickets", storeLog);
        this.purgeLog = new FailureLog("The purge of old items", storeLog);
        this.sweepLog = new FailureLog("The sweep for items other nodes announced", storeLog);
        StreamLog log = Watched.watch(StreamLog.class, stores.log(), storeLog);
        NewsStore news = Watched.watch(NewsStore.class, stores.news(), storeLog);
        NotificationStore inboxes = Watched.watch(NotificationStore.class, stores.inboxes(), storeLog);
        TicketStore tickets = Watched.watch(TicketStore.class, stores.tickets(), storeLog);
        // a big topic's sends are shared between the publishing thread and one worker per core
        int cores = Runtime.getRuntime().availableProcessors();
        this.fanOut = Executors.newFixedThreadPool(cores, threads);
        this.hub = new Hub(config.queueBound(), scheduler, fanOut, cores);
        this.tracing = tracing;
        // called inside the publish's announce span: the announcement carries that span to the other nodes
        this.sequencer = new Sequencer(log, hub, item -> announce(new Announcement.Delivery(item, tracing.current())),
                threads, metrics, tracing);
        this.newsroom = new Newsroom(news, log, sequencer, hub, clock, config.maxTopics(), metrics);
        this.notifications = new Notifications(inboxes, sequencer, hub, clock, new HashSet<>(config.roles()),
                Duration.ofDays(config.retentionDays()), this::announce);
        this.tickets = new Tickets(tickets, clock, config.ticketLifetime());
        this.rateLimit = new RateLimit(config.rateLimit());
        // each timer catches what its run throws: one exception would cancel a fixed-delay schedule for good
        this.heartbeat = scheduler.scheduleWithFixedDelay(this::beat,
                config.heartbeatMillis(), config.heartbeatMillis(), TimeUnit.MILLISECONDS);
        this.retention = scheduler.scheduleWithFixedDelay(() -> purgeLog.attempt(this::purge), 0, 1, TimeUnit.HOURS);
        this.relay = new OutboxRelay(Watched.watch(Outbox.class, stores.outbox(), storeLog), newsroom, notifications,
                scheduler, new FailureLog("The outbox relay", storeLog));
        // at start, for what was committed before a crash, then for what a store outage left
        this.relaySchedule = config.outboxHeld() ? null : scheduler.scheduleWithFixedDelay(relay::wake, 0,
                config.outboxRelayMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts an instance and connects it to the other nodes; the scheduler runs heartbeats, purges,
     * sweeps and the closing of evicted sessions, and {@code threads} makes the thread that commits
     * appends (in a container, one that may start transactions).
     */
    public static Bulletin start(BulletinConfig config, Stores stores, Bus.Connector bus,
                                 ScheduledExecutorService scheduler, ThreadFactory threads) {
        return start(config, stores, bus, scheduler, threads, Metrics.NONE);
    }

    /** As {@link #start(BulletinConfig, Stores, Bus.Connector, ScheduledExecutorService, ThreadFactory)}, measured into {@code metrics}. */
    public static Bulletin start(BulletinConfig config, Stores stores, Bus.Connector bus,
                                 ScheduledExecutorService scheduler, ThreadFactory threads, Metrics metrics) {
        return start(config, stores, bus, scheduler, threads, metrics, Tracing.NONE);
    }

    /** As {@link #start(BulletinConfig, Stores, Bus.Connector, ScheduledExecutorService, ThreadFactory, Metrics)}, each publish traced through {@code tracing}. */
    public static Bulletin start(BulletinConfig config, Stores stores, Bus.Connector bus,
                                 ScheduledExecutorService scheduler, ThreadFactory threads, Metrics metrics,
                                 Tracing tracing) {
        LOG.log(System.Logger.Level.INFO, "Bulletin starts with {0}", config);
        Bulletin bulletin = new Bulletin(config, stores, scheduler, threads, Clock.systemUTC(), metrics, tracing);
        metrics.bind(bulletin.new HubReadings());
        bulletin.bus = bus.connect(bulletin::receive);
        if (bulletin.bus != Bus.NONE) {
            bulletin.sweep = scheduler.scheduleWithFixedDelay(() -> bulletin.sweepLog.attempt(bulletin::sweep),
                    SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.log(System.Logger.Level.INFO, "Bulletin node {0} announces over the {1} bus", config.node(), bulletin.bus);
        return bulletin;
    }

    /** Closes every connection with 1001 (clients reconnect and resume) and stops the timers and the bus. */
    public void stop() {
        heartbeat.cancel(false);
        retention.cancel(false);
        if (relaySchedule != null) {
            relaySchedule.cancel(false);
        }
        if (sweep != null) {
            sweep.cancel(false);
        }
        sequencer.stop();
        bus.close();
        hub.closeAll(SHUTTING_DOWN, "server shutting down");
        fanOut.shutdown();
        metrics.close();
        LOG.log(System.Logger.Level.INFO, "Bulletin stopped");
    }

    public BulletinConfig config() {
        return config;
    }

    /** Whether the other nodes of a cluster can be reached now; always, for a single server. */
    public boolean busReachable() {
        return bus.reachable();
    }

    /** Whether Bulletin still commits and delivers: its committing thread runs. */
    public boolean running() {
        return sequencer.running();
    }

    /** Where Bulletin's parts outside its core (filters, the bus) count what they refuse and time. */
    public Metrics metrics() {
        return metrics;
    }

    public Hub hub() {
        return hub;
    }

    /**
     * Drafts were committed to the outbox (by {@code Publisher}, inside an application's transaction):
     * the relay moves them into their streams now, unless the setting {@code outbox-relay-ms} holds them.
     */
    public void relayOutbox() {
        if (!config.outboxHeld()) {
            relay.wake();
        }
    }

    public Newsroom newsroom() {
        return newsroom;
    }

    public Notifications notifications() {
        return notifications;
    }

    public Tickets tickets() {
        return tickets;
    }

    /**
     * A connection opened: register it and greet it; a user's session then gets its unread
     * notifications. Past {@code max-connections}, the user's {@code max-connections-per-user} or
     * the address's {@code max-connections-per-address}, it is closed at once with 1013 and a hint
     * of when to retry. {@code address} is the client's IP address, or null when unknown.
     */
    public Subscriber open(Sink sink, Identity identity, boolean publisher, String address) {
        Subscriber subscriber = hub.connect(sink, identity, publisher, address);
        String full = overLimit(identity, address);
        if (full != null) {
            // a hint between 5 and 30 s, so that a crowd refused at once does not come back at once
            int retry = 5 + ThreadLocalRandom.current().nextInt(26);
            LOG.log(System.Logger.Level.DEBUG, "Refusing session {0}: {1}", subscriber.id(), full);
            metrics.refused(Metrics.Refusal.CONNECTION_LIMIT);
            hub.close(subscriber, CloseCode.TRY_AGAIN_LATER, full + "; retry in " + retry + " s");
            return subscriber;
        }
        if (identity != null && identity.loginEnds() != null) {
            closeAtLoginEnd(subscriber, identity.loginEnds());
        }
        hub.send(subscriber, new ServerFrame.Welcome(subscriber.protocol(), subscriber.id(), subscriber.user(),
                config.heartbeatMillis(), new ServerFrame.Limits(Protocol.MAX_MESSAGE_BYTES, config.maxTopics())));
        try {
            if (identity != null) {
                notifications.connect(subscriber);
            }
        } catch (RuntimeException e) {
            // undone at once: a session that cannot get its inbox must not stay registered and deaf
            failed("opening it", subscriber, e);
        }
        return subscriber;
    }

    /**
     * Closes the connection with 4001 when its login expires, {@code clock-skew-seconds} after the
     * token's {@code exp}, so that the client signs in again and resumes. The timer keeps a closed
     * connection's subscriber until then: a token lives minutes, and a subscriber out of service
     * holds no frames.
     */
    private void closeAtLoginEnd(Subscriber subscriber, Instant loginEnds) {
        long delay = Math.max(0, Duration.between(clock.instant(), loginEnds.plus(config.clockSkew())).toMillis());
        scheduler.schedule(() -> {
            if (!subscriber.isGone()) {
                LOG.log(System.Logger.Level.INFO, "Closing session {0}: its login expired", subscriber.id());
                hub.close(subscriber, CloseCode.LOGIN_ENDED, "the login expired");
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Which connection limit a connection just counted is over, in words; null when none. */
    private String overLimit(Identity identity, String address) {
        if (hub.sessionCount() > config.maxConnections()) {
            return "server at connection capacity";
        }
        // the user's sessions here, before this one joins the user's inbox
        if (identity != null && hub.subscriberCount(StreamId.inbox(identity.user())) >= config.maxConnectionsPerUser()) {
            return "too many connections for this user";
        }
        if (address != null && config.maxConnectionsPerAddress() > 0
                && hub.connectionsFrom(address) > config.maxConnectionsPerAddress()) {
            return "too many connections from this address";
        }
        return null;
    }

    public void close(Subscriber subscriber) {
        hub.disconnect(subscriber);
    }

    /**
     * The HTTP session a login lived in ended (logout, invalidation, timeout): its connections close
     * with 4001, on every node.
     */
    public void endHttpSession(String httpSession) {
        closeHttpSession(httpSession);
        announce(new Announcement.SessionEnded(httpSession));
    }

    /**
     * An operator disconnects a user everywhere: the user's tickets stop working, and their
     * connections close with 4001 on every node. Answers how many closed on this node.
     */
    public int disconnectUser(String user) {
        tickets.revoke(user);
        int closed = closeUser(user);
        announce(new Announcement.UserDisconnected(user));
        return closed;
    }

    private int closeUser(String user) {
        return hub.closeAll(s -> s.identity() != null && s.identity().user().equals(user), CloseCode.LOGIN_ENDED,
                "disconnected by an operator");
    }

    /** Each node's counters: this one's now, the others' as they last told them, within three sweeps. */
    public Map<String, Stats> nodeStats() {
        long oldest = System.nanoTime() - 3 * SWEEP.toNanos();
        peers.values().removeIf(heard -> heard.atNanos() - oldest < 0);
        Map<String, Stats> nodes = new TreeMap<>();
        peers.forEach((node, heard) -> nodes.put(node, heard.stats()));
        nodes.put(config.node(), hub.stats());
        return nodes;
    }

    private void closeHttpSession(String httpSession) {
        int closed = hub.closeAll(s -> s.identity() != null && Objects.equals(s.identity().httpSession(), httpSession),
                CloseCode.LOGIN_ENDED, "authentication ended");
        if (closed > 0) {
            LOG.log(System.Logger.Level.INFO, "Closed {0} connection(s) whose HTTP session ended", closed);
        }
    }

    /** One frame from a client: act on it and reply; bad input gets an error frame and changes nothing. */
    public void handle(Subscriber subscriber, ClientFrame frame) {
        subscriber.seen();
        if (!subscriber.isPublisher()) {
            RateLimit.Verdict verdict = rateLimit.check(subscriber, System.nanoTime());
            if (verdict != RateLimit.Verdict.ALLOWED) {
                metrics.refused(Metrics.Refusal.RATE_LIMIT);
            }
            if (verdict == RateLimit.Verdict.REJECTED) {
                hub.send(subscriber, new ServerFrame.Error(frame.ref(), ErrorCode.RATE_LIMITED, "more than "
                        + config.rateLimit() + " frames a second; this one was dropped"));
                return;
            }
            if (verdict == RateLimit.Verdict.ABUSE) {
                LOG.log(System.Logger.Level.INFO, "Closing session {0}: it kept sending past the rate limit",
                        subscriber.id());
                hub.close(subscriber, CloseCode.POLICY, "rate limit exceeded again and again");
                return;
            }
        }
        try {
            dispatch(subscriber, frame);
            subscriber.goodFrame();
        } catch (InvalidInput e) {
            hub.send(subscriber, new ServerFrame.Error(frame.ref(), e.code(), e.getMessage()));
            if (subscriber.badFrame() >= MAX_BAD_FRAMES) {
                LOG.log(System.Logger.Level.INFO, "Closing session {0}: {1} bad frames in a row", subscriber.id(),
                        MAX_BAD_FRAMES);
                hub.close(subscriber, CloseCode.POLICY, MAX_BAD_FRAMES + " bad frames in a row");
            }
        } catch (RuntimeException e) {
            failed("handling a " + frame.getClass().getSimpleName() + " frame", subscriber, e);
        }
    }

    /**
     * Something failed on the server while serving the session: it is closed with 1011 and nothing
     * else is touched. The cause is logged here unless it is the store's, whose outage is logged as a
     * whole (once as it starts and once as it ends) rather than once per session.
     */
    private void failed(String doing, Subscriber subscriber, RuntimeException e) {
        if (storeLog.failing()) {
            LOG.log(System.Logger.Level.DEBUG, "Closing session {0}: {1} failed, the store being down", subscriber.id(),
                    doing);
        } else {
            LOG.log(System.Logger.Level.WARNING, "Closing session " + subscriber.id() + ": " + doing + " failed", e);
        }
        hub.close(subscriber, CloseCode.UNEXPECTED, "unexpected server error");
    }

    /** Whether the store failed at its last call: a failed request is then part of an outage already logged. */
    public boolean storeFailing() {
        return storeLog.failing();
    }

    private void dispatch(Subscriber subscriber, ClientFrame frame) {
        if (frame instanceof ClientFrame.Subscribe subscribe) {
            subscribe(subscriber, subscribe);
        } else if (frame instanceof ClientFrame.Unsubscribe unsubscribe) {
            newsroom.unsubscribe(subscriber, unsubscribe.ref(), unsubscribe.topics());
        } else if (frame instanceof ClientFrame.Ping ping) {
            hub.send(subscriber, new ServerFrame.Pong(ping.ref(), clock.instant().toString()));
        } else if (frame instanceof ClientFrame.Publish publish) {
            if (!subscriber.isPublisher()) {
                throw new InvalidInput(ErrorCode.FORBIDDEN, null,
                        "publishing needs a user in role " + Protocol.PUBLISHER_ROLE);
            }
            String topic = publish.draft().topic();
            if (topic != null && !config.topicPolicy().mayPublish(topic, subscriber.user(), subscriber::inRole)) {
                throw new InvalidInput(ErrorCode.FORBIDDEN, "topic", "topic " + topic
                        + " is private: publishing to it needs one of its publishers' roles");
            }
            Publication publication = newsroom.publish(publish.draft());
            hub.send(subscriber, new ServerFrame.Published(publish.ref(), publication.news().item().id(),
                    publication.news().topic(), publication.news().cursor().toString()));
        } else if (frame instanceof ClientFrame.Ack ack) {
            if (subscriber.user() == null) {
                throw InvalidInput.badRequest("type", "ack is for notifications: connect to /ws/notifications");
            }
            notifications.ack(subscriber, ack.ref(), ack.ids());
        } else if (frame instanceof ClientFrame.TooBig tooBig) {
            hub.close(subscriber, CloseCode.TOO_BIG, "message of " + tooBig.bytes() + " bytes; at most "
                    + Protocol.MAX_MESSAGE_BYTES + " are allowed");
        } else if (frame instanceof ClientFrame.Invalid invalid) {
            throw invalid.problem();
        }
    }

    /**
     * Subscribes to the topics the session may read; a private topic it may not read gets a
     * {@code forbidden} error frame with the same ref (after the {@code subscribed} of the others),
     * and replays nothing.
     */
    private void subscribe(Subscriber subscriber, ClientFrame.Subscribe subscribe) {
        List<String> readable = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String topic : subscribe.topics()) {
            (config.topicPolicy().mayRead(topic, subscriber.user(), subscriber::inRole) ? readable : refused).add(topic);
        }
        if (!readable.isEmpty()) {
            newsroom.subscribe(subscriber, subscribe.ref(), readable, subscribe.resume(), subscribe.recent());
        }
        if (!refused.isEmpty()) {
            hub.send(subscriber, new ServerFrame.Error(subscribe.ref(), ErrorCode.FORBIDDEN, "private topic(s) "
                    + String.join(", ", refused) + ": reading needs one of their readers' roles"
                    + (subscriber.user() == null ? " and a signed-in connection (/ws/notifications)" : "")));
        }
    }

    private void announce(Announcement announcement) {
        bus.announce(announcement);
    }

    /** What another node announced; nothing it brings may stop the bus from delivering the next one. */
    private void receive(Announcement announcement) {
        try {
            if (announcement instanceof Announcement.Delivery delivery) {
                tracing.continued(delivery.trace(), "bulletin.receive", () -> sequencer.receive(delivery.item()));
            } else if (announcement instanceof Announcement.Read read) {
                notifications.receive(read);
            } else if (announcement instanceof Announcement.RoleNotified role) {
                notifications.deliverToRole(role.role());
            } else if (announcement instanceof Announcement.SessionEnded ended) {
                closeHttpSession(ended.httpSession());
            } else if (announcement instanceof Announcement.UserDisconnected disconnected) {
                closeUser(disconnected.user());
            } else if (announcement instanceof Announcement.NodeStats stats) {
                peers.put(stats.node(), new Heard(stats.stats(), System.nanoTime()));
            }
        } catch (RuntimeException e) {
            // while the store is down this is part of its outage, logged as a whole
            LOG.log(storeLog.failing() ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, "Handling "
                    + announcement.getClass().getSimpleName() + " from another node failed; the next sweep delivers"
                    + " what it was about", e);
        }
    }

    /** Delivers what the store has beyond what this node delivered (a lost announcement); tells the counters. */
    void sweep() {
        try {
            sequencer.catchUp();
        } finally {
            announce(new Announcement.NodeStats(config.node(), hub.stats()));
        }
    }

    private void beat() {
        heartbeatLog.attempt(() -> hub.heartbeat(config.heartbeatMillis(), metrics::queueDepth));
        ticketSweepLog.attempt(tickets::sweep);
    }

    private void purge() {
        int notificationsPurged = notifications.purge();
        int newsPurged = newsroom.purge(notifications.retainedSince());
        if (notificationsPurged + newsPurged > 0) {
            LOG.log(System.Logger.Level.INFO, "Purged {0} read notification(s) and {1} news item(s) older than"
                    + " {2} days", notificationsPurged, newsPurged, config.retentionDays());
        }
    }

    private record Heard(Stats stats, long atNanos) {
    }

    /** What the meters read of this node as the registry is scraped. */
    private final class HubReadings implements Readings {

        @Override
        public int connections(String endpoint) {
            return hub.sessionCount(endpoint.equals("notifications"));
        }

        @Override
        public long subscriptions() {
            return hub.stats().subscriptions();
        }

        @Override
        public long delivered() {
            return hub.stats().delivered();
        }

        @Override
        public long dropped() {
            return hub.stats().dropped();
        }

        @Override
        public long evicted() {
            return hub.stats().evicted();
        }
    }
}
