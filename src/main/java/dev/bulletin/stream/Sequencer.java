package dev.bulletin.stream;

import dev.bulletin.hub.Hub;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.protocol.ServerFrame;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.Entry;
import dev.bulletin.store.StoredNews;
import dev.bulletin.store.StoredNotification;
import dev.bulletin.store.StreamLog;
import dev.bulletin.tracing.Trace;
import dev.bulletin.tracing.Tracing;
import dev.bulletin.protocol.EncodedFrame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one path of an item into its stream (a topic, an inbox) and out to the sessions, for news
 * and notifications alike: append, deliver here, announce to the other nodes; and, for what other
 * nodes append, receive, catch up and fill gaps.
 *
 * <p>Appends are committed in groups: one thread takes what has queued up while the previous group
 * committed (at most {@link #MAX_BATCH}, with no wait added) and writes it in one transaction. Once it
 * has committed, the thread delivers the group's entries here in order, announces them, and only then
 * answers their appenders; a group that fails answers each appender with the failure and delivers
 * nothing. One thread commits and delivers, so per stream the order of commit, of cursors and of
 * delivery is one; across nodes the store's row locks make commit order cursor order, and the hub
 * delivers each stream's items once and in cursor order whatever way they arrive.
 */
public final class Sequencer {

    /** Appends written in one transaction at most. */
    public static final int MAX_BATCH = 256;

    /** How long an appender waits for its group to commit before it is told the store did not answer. */
    public static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(Sequencer.class.getName());

    private final StreamLog log;
    private final Hub hub;
    private final Consumer<Hub.Item> announce;
    private final Metrics metrics;
    private final Tracing tracing;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean stopped;

    /**
     * @param announce tells the other nodes of a committed item
     * @param threads  makes the thread that commits; in a container one that may start transactions
     * @param metrics  times each group's commit and each item's way out to the sessions here
     * @param tracing  traces each publish through the store, the sessions here and the announcement
     */
    public Sequencer(StreamLog log, Hub hub, Consumer<Hub.Item> announce, ThreadFactory threads, Metrics metrics,
                     Tracing tracing) {
        this.log = log;
        this.hub = hub;
        this.announce = announce;
        this.metrics = metrics;
        this.tracing = tracing;
        this.committer = threads.newThread(this::commitGroups);
        committer.setName("bulletin-commit");
        committer.start();
    }

    /** Whether the committing thread runs. */
    public boolean running() {
        return !stopped && committer.isAlive();
    }

    /** Appends and answers once the append has committed and gone out to the sessions here. */
    public <R extends Appended> R append(Append<R> append) {
        try {
            return submit(append).get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the store did not commit within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store", e);
        }
    }

    /** Queues the append; the future completes once it has committed and gone out to the sessions here. */
    public <R extends Appended> CompletableFuture<R> submit(Append<R> append) {
        Pending<R> pending = new Pending<>(append, new CompletableFuture<>(), trace(append));
        if (stopped) {
            pending.fail(new IllegalStateException("Bulletin is stopping"));
        } else {
            queue.add(pending);
        }
        return pending.answer();
    }

    /** Stops the committing thread once the group it is writing is done; what is still queued fails. */
    public void stop() {
        stopped = true;
    }

    /** An item another node appended: delivered here after any it follows that did not arrive yet. */
    public void receive(Hub.Item item) {
        deliverHere(item);
    }

    /** Delivers what the store has beyond what this node delivered, in every stream followed here. */
    public void catchUp() {
        Map<StreamId, Long> tracked = hub.tracked();
        if (tracked.isEmpty()) {
            return;
        }
        log.last(tracked.keySet()).forEach((stream, last) -> {
            if (last.seq() > tracked.get(stream)) {
                hub.exclusive(List.of(stream), () -> hub.catchUp(stream, last, missedAfter(stream)));
            }
        });
    }

    /**
     * Brings this node's delivery of the stream up to the store's last cursor and answers where it
     * stands: where a joining session's replay ends and live items begin. Call inside
     * {@link Hub#exclusive} for the stream.
     */
    public long catchUp(StreamId stream) {
        return hub.catchUp(stream, log.last(List.of(stream)).get(stream), missedAfter(stream));
    }

    /** The frame of an entry: live, or {@code replay: true} when it comes in a session's replay. */
    public static ServerFrame frame(Entry entry, boolean replay) {
        if (entry instanceof StoredNews news) {
            return new ServerFrame.News(news.topic(), news.cursor().toString(), replay, news.item());
        }
        StoredNotification notification = (StoredNotification) entry;
        return new ServerFrame.Notification(notification.cursor().toString(), replay, notification.item());
    }

    private void commitGroups() {
        List<Pending<?>> group = new ArrayList<>(MAX_BATCH);
        while (!stopped) {
            try {
                Pending<?> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_BATCH - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            } catch (RuntimeException e) {
                // any exception: the committing thread must outlive every failure of a delivery
                LOG.log(System.Logger.Level.WARNING, "Delivering a committed group failed; the sweep delivers it", e);
            } finally {
                group.clear();
            }
        }
        List<Pending<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> pending.fail(new IllegalStateException("Bulletin stopped")));
    }

    private void commit(List<Pending<?>> group) {
        List<Appended> done;
        long start = System.nanoTime();
        Instant began = Instant.now();
        try {
            done = log.append(group.stream().<Append<?>>map(Pending::append).toList());
        } catch (Exception e) {
            // Exception, not RuntimeException: a transactional bean throws a failed commit's checked
            // RollbackException as it is (found in SequencerIT). The store's failure is logged where
            // it is watched, once per outage.
            group.forEach(pending -> pending.fail(e));
            return;
        }
        long committed = System.nanoTime();
        Instant ended = Instant.now();
        metrics.committed(Duration.ofNanos(committed - start), group.size());
        for (int i = 0; i < group.size(); i++) {
            Appended appended = done.get(i);
            Pending<?> pending = group.get(i);
            Trace trace = pending.trace();
            trace.stored(began, ended, group.size());
            try {
                // one span each for all of an append's entries: a notification has one per inbox
                List<Hub.Item> items = appended.entries().stream().map(this::item).toList();
                trace.step("bulletin.fanout", () -> items.forEach(item -> {
                    deliverHere(item);
                    metrics.queued(Duration.ofNanos(System.nanoTime() - committed));
                }));
                trace.step("bulletin.announce", () -> items.forEach(announce));
            } finally {
                pending.complete(appended);
            }
        }
    }

    /** Delivers a committed item to the sessions here. */
    private void deliverHere(Hub.Item item) {
        hub.exclusive(List.of(item.stream()), () -> {
            hub.deliver(item, missedAfter(item.stream()));
            return null;
        });
    }

    /** A publish is traced; a claim (a member's share of a role's notifications, as they subscribe) is not. */
    private Trace trace(Append<?> append) {
        if (append instanceof Append.News news) {
            return tracing.publish("news", news.topic());
        }
        return append instanceof Append.Notification ? tracing.publish("notification", null) : Trace.NONE;
    }

    private Function<Cursor, List<Hub.Item>> missedAfter(StreamId stream) {
        return after -> log.after(stream, after, Protocol.MAX_REPLAY).orElse(List.of()).stream().map(this::item)
                .toList();
    }

    private Hub.Item item(Entry entry) {
        EncodedFrame replay = entry instanceof StoredNews ? hub.encode(frame(entry, true)) : null;
        return new Hub.Item(entry.stream(), entry.cursor(), hub.encode(frame(entry, false)), replay);
    }

    private record Pending<R extends Appended>(Append<R> append, CompletableFuture<R> answer, Trace trace) {

        @SuppressWarnings("unchecked")
        void complete(Appended appended) {
            trace.end(null);
            answer.complete((R) appended);
        }

        void fail(Throwable failure) {
            trace.end(failure);
            answer.completeExceptionally(failure);
        }
    }
}
