package dev.bulletin.hub;

import dev.bulletin.protocol.CloseCode;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.EncodedFrame;
import dev.bulletin.protocol.ServerFrame;
import dev.bulletin.protocol.ServerFrameEncoder;
import dev.bulletin.protocol.StreamId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Who is subscribed to what, and the fan-out. Each topic has a lock of its own that orders
 * publishes to it against subscriptions to it (so replay and live delivery meet with no gap
 * and no duplicate); nothing is locked across streams, and no lock is ever held while waiting
 * for a client: fan-out only offers the same text to bounded queues.
 *
 * <p>Items of a stream (a topic, or a user's inbox) reach a hub in any order and any number of
 * times when several nodes publish: from this node, from the bus, or missing altogether. The hub
 * keeps, per stream with subscribers here, the sequence number it delivered last, and delivers
 * each item once and in order, fetching the ones missing before it from the store. It also keeps
 * a topic's last {@link #TAIL} delivered items, so that a client resuming a little behind is served
 * without a store read.
 */
public final class Hub {

    /** Items of a topic a hub keeps after delivering them, for subscribers that join while they go out. */
    public static final int TAIL = 64;

    private static final System.Logger LOG = System.getLogger(Hub.class.getName());

    private final Map<StreamId, Stream> streams = new ConcurrentHashMap<>();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final ServerFrameEncoder encoder = new ServerFrameEncoder();
    private final HubStats stats = new HubStats();
    private final AtomicLong ids = new AtomicLong();
    private final int queueBound;
    private final Executor closer;
    private final FanOutWorkers fanOutWorkers;

    /**
     * @param queueBound frames a session may have waiting before it is evicted as a slow consumer
     * @param closer     runs the close of evicted sessions, so the publishing thread never waits for one
     */
    public Hub(int queueBound, Executor closer) {
        this(queueBound, closer, Runnable::run, 0);
    }

    /**
     * As {@link #Hub(int, Executor)}, with {@code workers} threads of {@code fanOut} sharing the sends
     * of a big topic's fan-out with the publishing thread.
     */
    public Hub(int queueBound, Executor closer, Executor fanOut, int workers) {
        this.queueBound = queueBound;
        this.closer = closer;
        this.fanOutWorkers = new FanOutWorkers(fanOut, workers);
    }

    /** Registers a connection; {@code address} is the client's IP address, or null when unknown. */
    public Subscriber connect(Sink sink, Identity identity, boolean publisher, String address) {
        Subscriber subscriber = new Subscriber("s-" + Long.toHexString(ids.incrementAndGet()), identity, publisher,
                address, sink);
        if (address != null) {
            perAddress.compute(address, (key, count) -> {
                AtomicInteger counted = count != null ? count : new AtomicInteger();
                counted.incrementAndGet();
                return counted;
            });
        }
        subscriber.attach(new OutboundQueue(sink, queueBound, stats, () -> drop(subscriber)));
        subscribers.add(subscriber);
        return subscriber;
    }

    /** The connection closed: forget the subscriber everywhere. */
    public void disconnect(Subscriber subscriber) {
        retire(subscriber);
    }

    /** Encodes the frame and queues it for one subscriber. */
    public void send(Subscriber subscriber, ServerFrame frame) {
        send(subscriber, encode(frame));
    }

    /** Queues a frame encoded already for one subscriber. */
    public void send(Subscriber subscriber, EncodedFrame frame) {
        if (!subscriber.queue().offer(frame)) {
            evictUnlessGone(subscriber);
        }
    }

    public EncodedFrame encode(ServerFrame frame) {
        return new EncodedFrame(encoder.encode(frame));
    }

    /**
     * Runs the action while no publish to, and no subscription of, any of these streams runs.
     * Locks are taken in key order, so two callers never wait for each other in a circle.
     */
    public <T> T exclusive(Collection<StreamId> held, Supplier<T> action) {
        Set<StreamId> names = new TreeSet<>(held);
        while (true) {
            List<Stream> locked = new ArrayList<>(names.size());
            boolean current = true;
            try {
                for (StreamId name : names) {
                    Stream topic = streams.computeIfAbsent(name, Stream::new);
                    topic.lock.lock();
                    locked.add(topic);
                    current &= streams.get(name) == topic;
                }
                if (current) {
                    return action.get();
                }
            } finally {
                locked.forEach(this::removeIfEmpty);
            }
        }
    }

    /** Adds the subscriber to the topic; call inside {@link #exclusive} for that topic. */
    public void join(Subscriber subscriber, StreamId stream) {
        Stream topic = requireLocked(stream);
        if (subscriber.enter(stream)) {
            topic.subscribers.add(subscriber);
        }
        if (subscriber.isGone()) {
            // retired while joining: its lock-free removal may have run before the add above
            topic.subscribers.remove(subscriber);
        }
    }

    public void leave(Subscriber subscriber, StreamId stream) {
        exclusive(List.of(stream), () -> {
            subscriber.exit(stream);
            streams.get(stream).subscribers.remove(subscriber);
            return null;
        });
    }

    /**
     * Brings what this node delivered in the stream up to the store's last cursor: a stream nobody
     * here followed starts there, and a followed one gets the items it missed (announced late or
     * lost) delivered now. Answers the sequence number delivered last, where a joining subscriber's
     * replay ends and live items begin. Call inside {@link #exclusive} for the stream.
     */
    public long catchUp(StreamId stream, Cursor last, Function<Cursor, List<Item>> missedAfter) {
        Stream topic = requireLocked(stream);
        if (topic.delivered < 0) {
            topic.delivered = last.seq();
        } else if (last.seq() > topic.delivered) {
            fill(topic, new Cursor(last.epoch(), topic.delivered), missedAfter);
        }
        return topic.delivered;
    }

    /**
     * Delivers a committed item to the stream's subscribers, exactly once and in cursor order: an
     * item delivered before is skipped, and the items missing before it are fetched with
     * {@code missedAfter} (given the cursor delivered last) and delivered first. A stream nobody
     * here follows is not tracked, and its items are dropped. Call inside {@link #exclusive} for it.
     */
    public void deliver(Item item, Function<Cursor, List<Item>> missedAfter) {
        Stream topic = requireLocked(item.stream());
        long seq = item.cursor().seq();
        if (topic.delivered < 0 || seq <= topic.delivered) {
            return;
        }
        if (seq > topic.delivered + 1) {
            fill(topic, new Cursor(item.cursor().epoch(), topic.delivered), missedAfter);
        }
        if (seq > topic.delivered) {
            if (seq > topic.delivered + 1) {
                LOG.log(System.Logger.Level.WARNING, "Stream {0}: items {1} to {2} are no longer in the store;"
                        + " delivering {3}", item.stream(), topic.delivered + 1, seq - 1, seq);
            }
            fanOut(topic, item.frame(), null);
            advance(topic, item);
        }
    }

    /**
     * The encoded frames of the topic's items delivered here after {@code seq}, in order, from the
     * last {@link #TAIL} it delivered; empty when it no longer has them all. Call inside
     * {@link #exclusive} for the topic.
     */
    public Optional<List<EncodedFrame>> deliveredAfter(StreamId stream, long seq) {
        Stream topic = requireLocked(stream);
        if (seq >= topic.delivered) {
            return Optional.of(List.of());
        }
        List<Item> kept = topic.tail;
        if (kept.isEmpty() || kept.get(0).cursor().seq() > seq + 1) {
            return Optional.empty();
        }
        return Optional.of(kept.stream().filter(item -> item.cursor().seq() > seq).map(Item::frame).toList());
    }

    /**
     * The topic's items delivered here last, oldest first, without a gap; read without a lock, so it
     * may be behind by the items going out right now. Empty for a topic not followed here.
     */
    public List<Item> recentlyDelivered(StreamId stream) {
        Stream topic = streams.get(stream);
        return topic == null ? List.of() : topic.tail;
    }

    /** The sequence number delivered last in a stream this node follows; call inside {@link #exclusive} for it. */
    public long delivered(StreamId stream) {
        return requireLocked(stream).delivered;
    }

    /** Whether this node follows the stream, and so knows where its delivery stands; call inside {@link #exclusive} for it. */
    public boolean isTracked(StreamId stream) {
        return requireLocked(stream).delivered >= 0;
    }

    /** The streams followed on this node, with the sequence number delivered last in each; read without a lock. */
    public Map<StreamId, Long> tracked() {
        Map<StreamId, Long> tracked = new HashMap<>();
        for (Stream topic : streams.values()) {
            long delivered = topic.delivered;
            if (delivered >= 0) {
                tracked.put(topic.name, delivered);
            }
        }
        return tracked;
    }

    /** Queues the same frame for every subscriber of the topic; call inside {@link #exclusive} for it. */
    public void broadcast(StreamId stream, EncodedFrame frame) {
        broadcast(stream, frame, null);
    }

    /** Queues the same frame for every subscriber of the topic but one; call inside {@link #exclusive} for it. */
    public void broadcast(StreamId stream, EncodedFrame frame, Subscriber except) {
        fanOut(requireLocked(stream), frame, except);
    }

    /** The subscribers of a stream at this moment, read without a lock. */
    public List<Subscriber> members(StreamId stream) {
        Stream topic = streams.get(stream);
        return topic == null ? List.of() : List.copyOf(topic.subscribers);
    }

    /**
     * Pings every connection, and closes those that showed no life for two heartbeats; tells
     * {@code queueDepths} how many frames wait in each queue it passes.
     */
    public void heartbeat(long heartbeatMillis, IntConsumer queueDepths) {
        long deadline = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(2 * heartbeatMillis);
        for (Subscriber subscriber : subscribers) {
            queueDepths.accept(subscriber.queue().size());
            if (subscriber.lastSeenNanos() - deadline < 0) {
                LOG.log(System.Logger.Level.INFO, "Closing session {0}: no sign of life for two heartbeats",
                        subscriber.id());
                close(subscriber, CloseCode.GOING_AWAY, "no heartbeat");
            } else {
                subscriber.sink().ping();
            }
        }
    }

    /** Closes every connection with the code, for instance 1001 when the application stops. */
    public void closeAll(CloseCode code, String reason) {
        closeAll(subscriber -> true, code, reason);
    }

    /** Closes the matching connections with the code; returns how many. */
    public int closeAll(Predicate<Subscriber> which, CloseCode code, String reason) {
        int closed = 0;
        for (Subscriber subscriber : subscribers) {
            if (which.test(subscriber) && retire(subscriber)) {
                subscriber.sink().close(code, reason);
                closed++;
            }
        }
        return closed;
    }

    /** Open connections from one IP address. */
    public int connectionsFrom(String address) {
        AtomicInteger count = perAddress.get(address);
        return count == null ? 0 : count.get();
    }

    /** Streams (streams, inboxes, roles) with at least one subscriber here, or being used right now. */
    public int streamCount() {
        return streams.size();
    }

    /** Addresses with at least one open connection. */
    public int addressCount() {
        return perAddress.size();
    }

    /** Open connections with a user ({@code signedIn}) or without, counted one by one: for a scrape, not a hot path. */
    public int sessionCount(boolean signedIn) {
        int count = 0;
        for (Subscriber subscriber : subscribers) {
            if ((subscriber.identity() != null) == signedIn) {
                count++;
            }
        }
        return count;
    }

    /** The open connections, oldest first, from {@code offset}, at most {@code limit}: for an operator, not a hot path. */
    public List<Subscriber> sessions(int offset, int limit) {
        return subscribers.stream().sorted(Comparator.comparingLong(Subscriber::connectedAtMillis)
                .thenComparing(Subscriber::id)).skip(offset).limit(limit).toList();
    }

    /** Open connections, counted without a lock. */
    public int sessionCount() {
        return subscribers.size();
    }

    public int subscriberCount(StreamId stream) {
        Stream topic = streams.get(stream);
        return topic == null ? 0 : topic.subscribers.size();
    }

    public Stats stats() {
        long subscriptions = 0;
        for (Stream topic : streams.values()) {
            subscriptions += topic.subscribers.size();
        }
        return new Stats(subscribers.size(), subscriptions, stats.delivered.sum(), stats.dropped.sum(),
                stats.evicted.sum());
    }

    /** A frame did not fit in the subscriber's queue: it reads too slowly, unless it is already gone. */
    private void evictUnlessGone(Subscriber subscriber) {
        if (subscriber.isGone()) {
            return;
        }
        stats.evicted.increment();
        stats.dropped.increment();
        LOG.log(System.Logger.Level.INFO, "Evicting session {0}: {1} frames are waiting, it reads too slowly",
                subscriber.id(), subscriber.queue().size());
        close(subscriber, CloseCode.TRY_AGAIN_LATER, "slow consumer");
    }

    private void drop(Subscriber subscriber) {
        LOG.log(System.Logger.Level.DEBUG, "Dropping session {0}: a send failed", subscriber.id());
        close(subscriber, CloseCode.GOING_AWAY, "send failed");
    }

    /** Takes a subscriber out of service at once and closes its connection with the code; the close runs elsewhere. */
    public void close(Subscriber subscriber, CloseCode code, String reason) {
        if (retire(subscriber)) {
            closer.execute(() -> subscriber.sink().close(code, reason));
        }
    }

    /**
     * Takes a subscriber out of service: drops its queue and removes it from every set, lock-free,
     * so it may run while this thread holds some topic's lock. True for the one caller that did it.
     */
    private boolean retire(Subscriber subscriber) {
        if (!subscriber.markGone()) {
            return false;
        }
        stats.dropped.add(subscriber.queue().close());
        subscribers.remove(subscriber);
        if (subscriber.address() != null) {
            perAddress.computeIfPresent(subscriber.address(),
                    (key, count) -> count.decrementAndGet() == 0 ? null : count);
        }
        for (StreamId name : subscriber.streams()) {
            Stream topic = streams.get(name);
            if (topic != null) {
                topic.subscribers.remove(subscriber);
                prune(topic);
            }
        }
        return true;
    }

    /**
     * Forgets a stream nobody here follows any more, so that names a client made up do not stay
     * behind it. Under the stream's lock, like {@link #exclusive}'s own pruning: when this thread
     * holds it, that pruning runs as it lets go; when another thread does, the close thread waits
     * for the lock, since the holder may have looked before the last subscriber left.
     */
    private void prune(Stream topic) {
        if (!topic.subscribers.isEmpty() || topic.lock.isHeldByCurrentThread()) {
            return;
        }
        if (topic.lock.tryLock()) {
            removeIfEmpty(topic);
        } else {
            closer.execute(() -> {
                topic.lock.lock();
                removeIfEmpty(topic);
            });
        }
    }

    /** Removes the stream if it has no subscribers, and lets go of its lock, which the caller holds. */
    private void removeIfEmpty(Stream topic) {
        try {
            if (topic.subscribers.isEmpty()) {
                streams.remove(topic.name, topic);
            }
        } finally {
            topic.lock.unlock();
        }
    }

    private void fill(Stream topic, Cursor after, Function<Cursor, List<Item>> missedAfter) {
        for (Item missed : missedAfter.apply(after)) {
            if (missed.cursor().seq() > topic.delivered) {
                fanOut(topic, missed.frame(), null);
                advance(topic, missed);
            }
        }
    }

    /** The item is delivered: the stream's delivery stands there, and a topic keeps it in its tail. */
    private static void advance(Stream topic, Item item) {
        if (topic.name.isTopic()) {
            List<Item> kept = topic.tail;
            boolean follows = !kept.isEmpty() && kept.get(kept.size() - 1).cursor().seq() == item.cursor().seq() - 1;
            List<Item> next = new ArrayList<>(TAIL);
            if (follows) {
                next.addAll(kept.subList(Math.max(0, kept.size() - TAIL + 1), kept.size()));
            }
            next.add(item);
            // copied on change, so that a subscriber about to resume can look without the lock
            topic.tail = Collections.unmodifiableList(next);
        }
        topic.delivered = item.cursor().seq();
    }

    /** Queues the frame for each subscriber first, which fixes its order everywhere, then starts the sends. */
    private void fanOut(Stream topic, EncodedFrame frame, Subscriber except) {
        List<OutboundQueue> ready = new ArrayList<>();
        for (Subscriber subscriber : topic.subscribers) {
            if (subscriber == except) {
                continue;
            }
            OutboundQueue queue = subscriber.queue();
            if (!queue.enqueue(frame)) {
                evictUnlessGone(subscriber);
            } else if (!queue.sending()) {
                ready.add(queue);
            }
        }
        fanOutWorkers.drain(ready);
    }

    private Stream requireLocked(StreamId name) {
        Stream topic = streams.get(name);
        if (topic == null || !topic.lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("topic " + name + " is not held by this thread");
        }
        return topic;
    }

    private static final class Stream {
        final StreamId name;
        final ReentrantLock lock = new ReentrantLock();
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        /** The sequence number delivered last here, or -1 while not tracked; written under the lock. */
        volatile long delivered = -1;
        /** A topic's items delivered last, in order and without a gap, up to {@code delivered}; replaced, never changed. */
        volatile List<Item> tail = List.of();

        Stream(StreamId name) {
            this.name = name;
        }
    }

    /**
     * An item committed to a stream (a topic, or a user's inbox), with its cursor there and its encoded
     * frame; {@code replay}, the frame of its replay, where the node that made it has it (null else).
     */
    public record Item(StreamId stream, Cursor cursor, EncodedFrame frame, EncodedFrame replay) {

        public Item(StreamId stream, Cursor cursor, EncodedFrame frame) {
            this(stream, cursor, frame, null);
        }
    }
}
