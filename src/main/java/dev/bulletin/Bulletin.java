package dev.bulletin;

import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Sink;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.ClientFrame;
import dev.bulletin.protocol.ErrorCode;
import dev.bulletin.protocol.InvalidInput;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.protocol.ServerFrame;
import dev.bulletin.store.InMemoryNewsStore;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The core of one Bulletin instance, with no container in it: the hub, the store, the
 * newsroom and the heartbeat. The endpoints hand it connections and frames; the REST API and
 * the {@code Publisher} publish through {@link #newsroom()}. The container's CDI producer
 * makes one per application; tests make their own.
 */
public final class Bulletin {

    private static final System.Logger LOG = System.getLogger(Bulletin.class.getName());

    private final BulletinConfig config;
    private final Hub hub;
    private final Newsroom newsroom;
    private final Clock clock;
    private final ScheduledFuture<?> heartbeat;

    private Bulletin(BulletinConfig config, ScheduledExecutorService scheduler, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.hub = new Hub(config.queueBound(), scheduler);
        this.newsroom = new Newsroom(new InMemoryNewsStore(config.historyPerTopic()), hub, clock, config.maxTopics());
        this.heartbeat = scheduler.scheduleWithFixedDelay(() -> hub.heartbeat(config.heartbeatMillis()),
                config.heartbeatMillis(), config.heartbeatMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts an instance; the scheduler runs heartbeats and the closing of evicted sessions. */
    public static Bulletin start(BulletinConfig config, ScheduledExecutorService scheduler) {
        LOG.log(System.Logger.Level.INFO, "Bulletin starts with {0}", config);
        return new Bulletin(config, scheduler, Clock.systemUTC());
    }

    /** Closes every connection with 1001 (clients reconnect and resume) and stops the heartbeat. */
    public void stop() {
        heartbeat.cancel(false);
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

    /** A connection opened: register it and greet it. */
    public Subscriber open(Sink sink, String user, boolean publisher) {
        Subscriber subscriber = hub.connect(sink, user, publisher);
        hub.send(subscriber, new ServerFrame.Welcome(Protocol.V1, subscriber.id(), user, config.heartbeatMillis(),
                new ServerFrame.Limits(Protocol.MAX_MESSAGE_BYTES, config.maxTopics())));
        return subscriber;
    }

    public void close(Subscriber subscriber) {
        hub.disconnect(subscriber);
    }

    /** One frame from a client: act on it and reply; bad input gets an error frame and changes nothing. */
    public void handle(Subscriber subscriber, ClientFrame frame) {
        subscriber.seen();
        try {
            dispatch(subscriber, frame);
        } catch (InvalidInput e) {
            hub.send(subscriber, new ServerFrame.Error(frame.ref(), e.code(), e.getMessage()));
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
        } else if (frame instanceof ClientFrame.Ack) {
            throw InvalidInput.badRequest("type", "ack is for notifications; this endpoint carries news only");
        } else if (frame instanceof ClientFrame.TooBig tooBig) {
            hub.close(subscriber, Hub.TOO_BIG, "message of " + tooBig.bytes() + " bytes; at most "
                    + Protocol.MAX_MESSAGE_BYTES + " are allowed");
        } else if (frame instanceof ClientFrame.Invalid invalid) {
            throw invalid.problem();
        }
    }
}
