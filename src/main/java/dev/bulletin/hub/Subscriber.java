package dev.bulletin.hub;

import dev.bulletin.protocol.Protocol;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** One open connection as the hub sees it: who it is, what it follows, and its outbound queue. */
public final class Subscriber {

    private final String id;
    private final Identity identity;
    private final boolean publisher;
    private final Sink sink;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean gone = new AtomicBoolean();
    private OutboundQueue queue;
    private volatile long lastSeenNanos = System.nanoTime();

    Subscriber(String id, Identity identity, boolean publisher, Sink sink) {
        this.id = id;
        this.identity = identity;
        this.publisher = publisher;
        this.sink = sink;
    }

    void attach(OutboundQueue outbound) {
        this.queue = outbound;
    }

    public String id() {
        return id;
    }

    /** The authenticated user name, or null. */
    public String user() {
        return identity == null ? null : identity.user();
    }

    /** Who is on this connection, or null when nobody authenticated (the news endpoint). */
    public Identity identity() {
        return identity;
    }

    public boolean isPublisher() {
        return publisher;
    }

    /** The topics this subscriber follows (not its inbox). */
    public Set<String> topics() {
        return topics.stream().filter(Protocol::isTopic).collect(Collectors.toUnmodifiableSet());
    }

    /** Records that the client showed life: any frame, or a pong. */
    public void seen() {
        lastSeenNanos = System.nanoTime();
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    /** Every stream this subscriber is in: its topics, its inbox and its roles. */
    Set<String> topicSet() {
        return topics;
    }

    Sink sink() {
        return sink;
    }

    OutboundQueue queue() {
        return queue;
    }

    /** True for the one caller that takes this subscriber out of service. */
    boolean markGone() {
        return gone.compareAndSet(false, true);
    }

    public boolean isGone() {
        return gone.get();
    }
}
