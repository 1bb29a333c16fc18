package dev.bulletin.hub;

import dev.bulletin.protocol.StreamId;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** One open connection as the hub sees it: who it is, what it follows, and its outbound queue. */
public final class Subscriber {

    private final String id;
    private final Identity identity;
    private final boolean publisher;
    private final Sink sink;
    private final String address;
    // Copied on change: a subscriber joins a few streams and leaves them rarely, and an immutable
    // set of one or two costs a tenth of a concurrent one on each of thousands of idle connections.
    private volatile Set<StreamId> streams = Set.of();
    private final AtomicBoolean gone = new AtomicBoolean();
    private OutboundQueue queue;
    private volatile long lastSeenNanos = System.nanoTime();
    // RateLimit's state: when the next frame, and the next rejected one, are due
    volatile long framesDue = Long.MIN_VALUE;
    volatile long rejectionsDue = Long.MIN_VALUE;
    private volatile int badFrames;
    private final long connectedAtMillis = System.currentTimeMillis();

    Subscriber(String id, Identity identity, boolean publisher, String address, Sink sink) {
        this.id = id;
        this.address = address;
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

    /** When the connection opened, in epoch milliseconds. */
    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    /** Topics the connection follows now. */
    public int topicCount() {
        int topics = 0;
        for (StreamId stream : streams) {
            if (stream.isTopic()) {
                topics++;
            }
        }
        return topics;
    }

    /** Frames waiting to be sent to the client now. */
    public int queueDepth() {
        return queue.size();
    }

    /** The client's IP address as the server saw it, or null when the container did not say. */
    public String address() {
        return address;
    }

    /** Counts an error frame answered to this client; answers how many came in a row (frames arrive one at a time). */
    public int badFrame() {
        return ++badFrames;
    }

    /** A frame was handled: the bad ones in a row start over. */
    public void goodFrame() {
        badFrames = 0;
    }

    /** Whether the user was found in this role as the connection opened; never for an anonymous connection. */
    public boolean inRole(String role) {
        return identity != null && identity.inRole(role);
    }

    /** The subprotocol of the connection, as the client chose it. */
    public String protocol() {
        return sink.protocol();
    }

    public boolean isPublisher() {
        return publisher;
    }

    /** The topics this subscriber follows (not its inbox). */
    public Set<String> topics() {
        return streams.stream().filter(StreamId::isTopic).map(StreamId::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Records that the client showed life: any frame, or a pong. */
    public void seen() {
        lastSeenNanos = System.nanoTime();
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    /** Every stream this subscriber is in: its topics, its inbox and its roles; a snapshot. */
    Set<StreamId> streams() {
        return streams;
    }

    /** Adds the stream; false when it was there. Synchronized: joins of different streams hold different locks. */
    synchronized boolean enter(StreamId stream) {
        if (streams.contains(stream)) {
            return false;
        }
        Set<StreamId> next = new HashSet<>(streams);
        next.add(stream);
        streams = Set.copyOf(next);
        return true;
    }

    synchronized void exit(StreamId stream) {
        Set<StreamId> next = new HashSet<>(streams);
        if (next.remove(stream)) {
            streams = Set.copyOf(next);
        }
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
