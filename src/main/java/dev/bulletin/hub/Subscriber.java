package dev.bulletin.hub;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** One open connection as the hub sees it: who it is, what it follows, and its outbound queue. */
public final class Subscriber {

    private final String id;
    private final String user;
    private final boolean publisher;
    private final Sink sink;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean gone = new AtomicBoolean();
    private OutboundQueue queue;
    private volatile long lastSeenNanos = System.nanoTime();

    Subscriber(String id, String user, boolean publisher, Sink sink) {
        this.id = id;
        this.user = user;
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
        return user;
    }

    public boolean isPublisher() {
        return publisher;
    }

    public Set<String> topics() {
        return Set.copyOf(topics);
    }

    /** Records that the client showed life: any frame, or a pong. */
    public void seen() {
        lastSeenNanos = System.nanoTime();
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

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
