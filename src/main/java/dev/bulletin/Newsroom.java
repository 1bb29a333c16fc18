package dev.bulletin;

import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.protocol.ErrorCode;
import dev.bulletin.protocol.InvalidInput;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.ServerFrame;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.NewsStore;
import dev.bulletin.store.StreamLog;
import dev.bulletin.store.TopicSummary;
import dev.bulletin.stream.Sequencer;
import dev.bulletin.store.StoredNews;
import dev.bulletin.protocol.EncodedFrame;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.function.Function;

/**
 * Publishing and subscribing to topics. A publish goes through the {@link Sequencer}, which stores,
 * delivers and announces it; a subscribe reads the backlog, then joins while it holds its topics,
 * cutting the replay where live delivery stands, so a subscriber gets every item exactly once
 * across replay and live delivery.
 */
public final class Newsroom {

    private final NewsStore store;
    private final StreamLog log;
    private final Sequencer sequencer;
    private final Hub hub;
    private final Clock clock;
    private final int maxTopics;
    private final Metrics metrics;

    public Newsroom(NewsStore store, StreamLog log, Sequencer sequencer, Hub hub, Clock clock, int maxTopics,
                    Metrics metrics) {
        this.store = store;
        this.log = log;
        this.sequencer = sequencer;
        this.hub = hub;
        this.clock = clock;
        this.maxTopics = maxTopics;
        this.metrics = metrics;
    }

    /** Validates and publishes; the same id again returns the original, which is not delivered twice. */
    public Publication publish(NewsDraft draft) {
        return publish(draft.validated(), draft.id() != null);
    }

    /**
     * Publishes a draft validated earlier. {@code publishersId} says whether its id came from the
     * publisher: only such an id can have been stored before, so only then is it looked up.
     */
    public Publication publish(NewsDraft valid, boolean publishersId) {
        Appended.News done = sequencer.append(append(valid, publishersId));
        return new Publication(done.news(), done.created());
    }

    /** Queues a draft validated earlier, whose id may have been published before; completes as {@link #publish}. */
    public CompletableFuture<Appended.News> submit(NewsDraft valid) {
        return sequencer.submit(append(valid, true));
    }

    private Append.News append(NewsDraft valid, boolean publishersId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new Append.News(valid.topic(), valid.toItem(now), publishersId);
    }

    /**
     * Answers {@code subscribed}, then the replayed items, then live ones. A topic whose cursor
     * cannot be resumed answers {@code false} and replays {@code recent} items instead, if asked.
     * The replay ends where this node's live delivery of the topic stands, so that the two meet.
     * A topic the session follows already replays nothing (it is live), and one frame replays at
     * most {@link Protocol#MAX_REPLAY} items in all: a resume that does not fit in what is left answers
     * {@code false}, and {@code recent} gets what is left.
     *
     * <p>The backlog is read before the topics are held, so that a crowd of clients resuming at
     * once reads the store side by side and publishers do not wait behind their reads; held, only
     * what was published meanwhile is read, and the replay is cut where live delivery stands.
     */
    public void subscribe(Subscriber subscriber, String ref, List<String> topics, Map<String, String> resume,
                          int recent) {
        Set<String> following = subscriber.topics();
        long added = topics.stream().filter(t -> !following.contains(t)).distinct().count();
        if (following.size() + added > maxTopics) {
            throw new InvalidInput(ErrorCode.TOO_MANY_TOPICS, "topics", "a session may follow at most "
                    + maxTopics + " topics; this one follows " + following.size()
                    + " and asked for " + added + " more");
        }
        Lasts last = new Lasts(topics);
        Map<String, Backlog> read = new LinkedHashMap<>();
        int budget = Protocol.MAX_REPLAY;
        for (String topic : topics) {
            if (!following.contains(topic)) {
                Backlog backlog = read(topic, resume.get(topic), recent, budget, last);
                budget -= backlog.items().size();
                read.put(topic, backlog);
            }
        }
        hub.exclusive(topics.stream().map(StreamId::topic).toList(), () -> {
            Map<String, Boolean> resumed = new LinkedHashMap<>();
            List<EncodedFrame> replay = new ArrayList<>();
            for (String topic : topics) {
                Backlog backlog = read.getOrDefault(topic, Backlog.LIVE);
                StreamId stream = StreamId.topic(topic);
                long delivered = hub.isTracked(stream) ? hub.delivered(stream) : -1;
                if (delivered < 0 || (backlog.through() != Long.MAX_VALUE && backlog.through() > delivered)) {
                    // a topic nobody here follows yet starts where the store stands now, not where it stood at
                    // the read; one this node is behind in (items of another node not announced here yet, which
                    // the client has read) is caught up first, so that they do not come again live
                    delivered = sequencer.catchUp(stream);
                }
                backlog = backlog.upTo(delivered,
                        after -> hub.deliveredAfter(stream, after),
                        after -> after(topic, new Cursor(last.of(topic).epoch(), after), Protocol.MAX_REPLAY)
                                .map(this::replayed));
                if (resume.containsKey(topic)) {
                    resumed.put(topic, backlog.resumed());
                    metrics.resumed(backlog.resumed());
                }
                backlog.items().forEach(item -> replay.add(item.frame()));
                replay.addAll(backlog.live());
                hub.join(subscriber, stream);
            }
            hub.send(subscriber, new ServerFrame.Subscribed(ref, topics, resumed));
            replay.forEach(frame -> hub.send(subscriber, frame));
            return null;
        });
    }

    /**
     * What a topic replays: the items after the cursor, from what this node delivered last when it
     * still has them all, else from the store; or else the recent ones.
     */
    private Backlog read(String topic, String cursor, int recent, int budget, Lasts last) {
        Optional<Cursor> from = Optional.ofNullable(cursor).flatMap(Cursor::parse);
        if (from.isPresent()) {
            Optional<List<Replayed>> missed = delivered(topic, from.get())
                    .or(() -> after(topic, from.get(), budget + 1).map(this::replayed))
                    .filter(items -> items.size() <= budget);
            if (missed.isPresent()) {
                return new Backlog(true, missed.get(), Math.max(from.get().seq(), lastSeq(missed.get(), 0)));
            }
        }
        if (recent == 0 || budget <= 0) {
            return Backlog.NONE;
        }
        List<Replayed> newest = replayed(store.recent(topic, Math.min(recent, budget)));
        return new Backlog(false, newest, lastSeq(newest, last.of(topic).seq()));
    }

    /** The items after the cursor as this node delivered them last, read without a lock; empty when it lacks some. */
    private Optional<List<Replayed>> delivered(String topic, Cursor cursor) {
        List<Hub.Item> kept = hub.recentlyDelivered(StreamId.topic(topic));
        if (kept.isEmpty() || !kept.get(0).cursor().epoch().equals(cursor.epoch())
                || kept.get(0).cursor().seq() > cursor.seq() + 1 || cursor.seq() > kept.get(kept.size() - 1).cursor().seq()) {
            return Optional.empty();
        }
        List<Replayed> after = new ArrayList<>();
        for (Hub.Item item : kept) {
            if (item.cursor().seq() > cursor.seq()) {
                if (item.replay() == null) {
                    return Optional.empty(); // announced by another node, which sends no replay frame
                }
                after.add(new Replayed(item.cursor().seq(), item.replay()));
            }
        }
        return Optional.of(after);
    }

    private List<Replayed> replayed(List<StoredNews> items) {
        return items.stream().map(news -> new Replayed(news.cursor().seq(), hub.encode(Sequencer.frame(news, true))))
                .toList();
    }

    private static long lastSeq(List<Replayed> items, long otherwise) {
        return items.isEmpty() ? otherwise : items.get(items.size() - 1).seq();
    }

    public void unsubscribe(Subscriber subscriber, String ref, List<String> topics) {
        topics.forEach(topic -> hub.leave(subscriber, StreamId.topic(topic)));
        hub.send(subscriber, new ServerFrame.Unsubscribed(ref, topics));
    }

    /**
     * History for {@code GET /api/news}, oldest first: the items after a cursor, or without one
     * the newest items; empty when {@code after} cannot be resumed.
     */
    public Optional<List<StoredNews>> history(String topic, String after, int limit) {
        if (after == null) {
            return Optional.of(store.recent(topic, limit));
        }
        return Cursor.parse(after).flatMap(cursor -> after(topic, cursor, limit));
    }

    /** The topic's items after the cursor, as {@link StreamLog#after} answers. */
    private Optional<List<StoredNews>> after(String topic, Cursor cursor, int limit) {
        return log.after(StreamId.topic(topic), cursor, limit)
                .map(entries -> entries.stream().map(StoredNews.class::cast).toList());
    }

    /** The topics and their last cursors, for {@code GET /api/topics}. */
    public List<TopicSummary> topics() {
        return store.topics();
    }

    /** Forgets the items published before the instant; returns how many. */
    public int purge(Instant before) {
        return store.purge(before);
    }

    /** The items up to a sequence number: those beyond it reach the subscriber live. */
    private static List<Replayed> upTo(List<Replayed> items, long seq) {
        return items.stream().filter(item -> item.seq() <= seq).toList();
    }

    /** A replayed item: its sequence number and its frame, encoded with {@code replay: true}. */
    private record Replayed(long seq, EncodedFrame frame) {
    }

    /** The store's last cursor of each topic of a frame, read once and only if needed. */
    private final class Lasts {
        private final List<String> topics;
        private Map<StreamId, Cursor> read;

        Lasts(List<String> topics) {
            this.topics = topics;
        }

        Cursor of(String topic) {
            if (read == null) {
                read = log.last(topics.stream().map(StreamId::topic).toList());
            }
            return read.get(StreamId.topic(topic));
        }
    }

    /**
     * A topic's replay as read before the topic was held: {@code items}, which are every item up to
     * {@code through} when {@code resumed}, else the recent ones; then {@code live}, the encoded
     * frames of items published between the read and the hold, which go out as they went to
     * everyone (live: they were published after the client asked).
     */
    private record Backlog(boolean resumed, List<Replayed> items, long through, List<EncodedFrame> live) {

        /** A topic followed already: live, nothing to replay. */
        static final Backlog LIVE = new Backlog(true, List.of(), Long.MAX_VALUE, List.of());
        /** Nothing asked for, or nothing could be resumed and no recent items were asked for (or fit). */
        static final Backlog NONE = new Backlog(false, List.of(), Long.MAX_VALUE, List.of());

        Backlog(boolean resumed, List<Replayed> items, long through) {
            this(resumed, items, through, List.of());
        }

        /**
         * Cut where live delivery stands; what was published between the read and the hold comes from
         * what the hub delivered last ({@code recentlyDelivered}) or, when it no longer has them all,
         * from the store ({@code stored}); a resume that cannot be completed so answers {@code resumed: false}.
         */
        Backlog upTo(long delivered, Function<Long, Optional<List<EncodedFrame>>> recentlyDelivered,
                     Function<Long, Optional<List<Replayed>>> stored) {
            List<Replayed> cut = Newsroom.upTo(items, delivered);
            if (delivered <= through) {
                return new Backlog(resumed, cut, delivered);
            }
            Optional<List<EncodedFrame>> sent = recentlyDelivered.apply(through);
            if (sent.isPresent()) {
                return new Backlog(resumed, cut, delivered, sent.get());
            }
            Optional<List<Replayed>> meanwhile = stored.apply(through).map(more -> Newsroom.upTo(more, delivered));
            if (meanwhile.isEmpty() || lastSeq(meanwhile.get(), through) < delivered) {
                return resumed ? new Backlog(false, List.of(), delivered) : new Backlog(false, cut, delivered);
            }
            List<Replayed> all = new ArrayList<>(cut);
            all.addAll(meanwhile.get());
            return new Backlog(resumed, all, delivered);
        }
    }
}
