package dev.bulletin;

import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Identity;
import dev.bulletin.hub.Sink;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.ClientFrame;
import dev.bulletin.protocol.ErrorCode;
import dev.bulletin.protocol.InvalidInput;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.protocol.ServerFrame;
import dev.bulletin.store.NewsStore;
import dev.bulletin.store.NotificationStore;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The core of one Bulletin instance, with no container in it: the hub, the newsroom, the
 * notifications, the tickets and the timers. The endpoints hand it connections and frames; the
 * REST API and the {@code Publisher} publish through it. The container's CDI producer makes one
 * per application, on the JPA stores; tests make their own, on the in-memory ones.
 */
public final class Bulletin {

    private static final System.Logger LOG = System.getLogger(Bulletin.class.getName());

    private final BulletinConfig config;
    private final Hub hub;
    private final Newsroom newsroom;
    private final Notifications notifications;
    private final Tickets tickets;
    private final Clock clock;
    private final ScheduledFuture<?> heartbeat;
    private final ScheduledFuture<?> retention;

    private Bulletin(BulletinConfig config, NewsStore news, NotificationStore inboxes,
                     ScheduledExecutorService scheduler, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.hub = new Hub(config.queueBound(), scheduler);
        this.newsroom = new Newsroom(news, hub, clock, config.maxTopics());
        this.notifications = new Notifications(inboxes, hub, clock, new HashSet<>(config.roles()),
                Duration.ofDays(config.retentionDays()));
        this.tickets = new Tickets(clock, config.ticketLifetime());
        this.heartbeat = scheduler.scheduleWithFixedDelay(this::beat,
                config.heartbeatMillis(), config.heartbeatMillis(), TimeUnit.MILLISECONDS);
        this.retention = scheduler.scheduleWithFixedDelay(this::purge, 0, 1, TimeUnit.HOURS);
    }

    /** Starts an instance; the scheduler runs heartbeats, purges and the closing of evicted sessions. */
    public static Bulletin start(BulletinConfig config, NewsStore news, NotificationStore inboxes,
                                 ScheduledExecutorService scheduler) {
        LOG.log(System.Logger.Level.INFO, "Bulletin starts with {0}", config);
        return new Bulletin(config, news, inboxes, scheduler, Clock.systemUTC());
    }

    /** Closes every connection with 1001 (clients reconnect and resume) and stops the timers. */
    public void stop() {
        heartbeat.cancel(false);
        retention.cancel(false);
        hub.closeAll(Hub.GOING_AWAY, "server shutting down");
        LOG.log(System.Logger.Level.INFO, "Bulletin stopped");
    }

    public BulletinConfig config() {
        return config;
    }

    public Hub hub() {
        return hub;
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

    /** A connection opened: register it and greet it; a user's session then gets its unread notifications. */
    public Subscriber open(Sink sink, Identity identity, boolean publisher) {
        Subscriber subscriber = hub.connect(sink, identity, publisher);
        hub.send(subscriber, new ServerFrame.Welcome(Protocol.V1, subscriber.id(), subscriber.user(),
                config.heartbeatMillis(), new ServerFrame.Limits(Protocol.MAX_MESSAGE_BYTES, config.maxTopics())));
        if (identity != null) {
            notifications.connect(subscriber);
        }
        return subscriber;
    }

    public void close(Subscriber subscriber) {
        hub.disconnect(subscriber);
    }

    /** The HTTP session a login lived in ended (logout, invalidation, timeout): its connections close with 4001. */
    public void endHttpSession(String httpSession) {
        int closed = hub.closeAll(s -> s.identity() != null && Objects.equals(s.identity().httpSession(), httpSession),
                Hub.AUTHENTICATION_ENDED, "authentication ended");
        if (closed > 0) {
            LOG.log(System.Logger.Level.INFO, "Closed {0} connection(s) whose HTTP session ended", closed);
        }
    }

    /** One frame from a client: act on it and reply; bad input gets an error frame and changes nothing. */
    public void handle(Subscriber subscriber, ClientFrame frame) {
        subscriber.seen();
        try {
            dispatch(subscriber, frame);
        } catch (InvalidInput e) {
            hub.send(subscriber, new ServerFrame.Error(frame.ref(), e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing session " + subscriber.id() + ": handling a "
                    + frame.getClass().getSimpleName() + " frame failed", e);
            hub.close(subscriber, Hub.UNEXPECTED, "unexpected server error");
        }
    }

    private void dispatch(Subscriber subscriber, ClientFrame frame) {
        if (frame instanceof ClientFrame.Subscribe subscribe) {
            newsroom.subscribe(subscriber, subscribe.ref(), subscribe.topics(), subscribe.resume(), subscribe.recent());
        } else if (frame instanceof ClientFrame.Unsubscribe unsubscribe) {
            newsroom.unsubscribe(subscriber, unsubscribe.ref(), unsubscribe.topics());
        } else if (frame instanceof ClientFrame.Ping ping) {
            hub.send(subscriber, new ServerFrame.Pong(ping.ref(), clock.instant().toString()));
        } else if (frame instanceof ClientFrame.Publish publish) {
            if (!subscriber.isPublisher()) {
                throw new InvalidInput(ErrorCode.FORBIDDEN, null,
                        "publishing needs a user in role " + Protocol.PUBLISHER_ROLE);
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
            hub.close(subscriber, Hub.TOO_BIG, "message of " + tooBig.bytes() + " bytes; at most "
                    + Protocol.MAX_MESSAGE_BYTES + " are allowed");
        } else if (frame instanceof ClientFrame.Invalid invalid) {
            throw invalid.problem();
        }
    }

    private void beat() {
        hub.heartbeat(config.heartbeatMillis());
        tickets.sweep();
    }

    private void purge() {
        try {
            int notificationsPurged = notifications.purge();
            int newsPurged = newsroom.store().purge(notifications.retainedSince());
            if (notificationsPurged + newsPurged > 0) {
                LOG.log(System.Logger.Level.INFO, "Purged {0} read notification(s) and {1} news item(s) older than"
                        + " {2} days", notificationsPurged, newsPurged, config.retentionDays());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Purging old items failed; the next run tries again", e);
        }
    }
}
