package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NewsItem;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.protocol.NotificationItem;
import dev.bulletin.protocol.StreamId;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Topics and inboxes in memory, for tests and for embedding without a database; one monitor guards
 * it all. A topic keeps its newest {@code historyPerTopic} items. Every instance has an epoch of its
 * own, so cursors handed out before a restart resume as {@code false}.
 */
public class InMemoryStore implements StreamLog, NewsStore, NotificationStore {

    private final String epoch = Cursor.newEpoch();
    private final int historyPerTopic;
    private final Map<StreamId, Log> logs = new HashMap<>();
    private final Map<String, StoredNews> news = new HashMap<>();
    private final Map<String, Kept> notifications = new LinkedHashMap<>();
    /** Inbox entries by user and notification id, with their read state. */
    private final Map<String, Map<String, StoredNotification>> inboxes = new HashMap<>();

    public InMemoryStore(int historyPerTopic) {
        this.historyPerTopic = historyPerTopic;
    }

    public String epoch() {
        return epoch;
    }

    @Override
    public synchronized List<Appended> append(List<Append<?>> appends) {
        List<Appended> done = new ArrayList<>(appends.size());
        for (Append<?> append : appends) {
            if (append instanceof Append.News item) {
                done.add(news(item));
            } else if (append instanceof Append.Notification item) {
                done.add(notification(item));
            } else if (append instanceof Append.Claim claim) {
                done.add(new Appended.Claimed(claim(claim)));
            }
        }
        return done;
    }

    private Appended.News news(Append.News append) {
        StoredNews earlier = append.publishersId() ? news.get(append.item().id()) : null;
        if (earlier != null) {
            return new Appended.News(earlier, false);
        }
        StreamId topic = StreamId.topic(append.topic());
        Log log = log(topic);
        StoredNews stored = new StoredNews(append.topic(), log.next(), append.item());
        log.entries.addLast(stored);
        news.put(append.item().id(), stored);
        if (log.entries.size() > historyPerTopic) {
            news.remove(((StoredNews) log.entries.removeFirst()).item().id());
        }
        return new Appended.News(stored, true);
    }

    private Appended.Notification notification(Append.Notification append) {
        Kept earlier = append.publishersId() ? notifications.get(append.item().id()) : null;
        if (earlier != null) {
            return new Appended.Notification(earlier.audience(), false, List.of());
        }
        Kept kept = new Kept(append.item(), append.audience());
        notifications.put(append.item().id(), kept);
        List<StoredNotification> entries = new TreeSet<>(append.audience().users()).stream()
                .map(user -> enter(user, kept.item())).toList();
        return new Appended.Notification(append.audience(), true, entries);
    }

    private List<StoredNotification> claim(Append.Claim claim) {
        Map<String, StoredNotification> inbox = inbox(claim.user());
        List<StoredNotification> claimed = new ArrayList<>();
        for (Kept kept : notifications.values()) {
            boolean addressed = kept.audience().roles().stream().anyMatch(claim.roles()::contains);
            if (addressed && !kept.item().createdAt().isBefore(claim.since()) && !inbox.containsKey(kept.item().id())) {
                claimed.add(enter(claim.user(), kept.item()));
            }
        }
        return claimed;
    }

    private StoredNotification enter(String user, NotificationItem item) {
        Log log = log(StreamId.inbox(user));
        StoredNotification entry = new StoredNotification(user, log.next(), item);
        log.entries.addLast(entry);
        inbox(user).put(item.id(), entry);
        return entry;
    }

    @Override
    public synchronized Optional<List<Entry>> after(StreamId stream, Cursor cursor, int limit) {
        Log log = logs.get(stream);
        long last = log == null ? 0 : log.lastSeq;
        if (!epoch.equals(cursor.epoch()) || cursor.seq() > last) {
            return Optional.empty();
        }
        List<Entry> after = new ArrayList<>();
        if (log != null) {
            if (stream.isTopic() && !log.entries.isEmpty() && cursor.seq() < log.entries.peekFirst().cursor().seq() - 1) {
                return Optional.empty(); // a topic's older items are gone: the gap cannot be filled
            }
            for (Entry entry : log.entries) {
                if (entry.cursor().seq() > cursor.seq() && after.size() < limit) {
                    after.add(current(entry));
                }
            }
        }
        return Optional.of(after);
    }

    @Override
    public synchronized Map<StreamId, Cursor> last(Collection<StreamId> streams) {
        Map<StreamId, Cursor> last = new HashMap<>();
        for (StreamId stream : streams) {
            Log log = logs.get(stream);
            last.put(stream, new Cursor(epoch, log == null ? 0 : log.lastSeq));
        }
        return last;
    }

    @Override
    public synchronized List<StoredNews> recent(String topic, int count) {
        Log log = logs.get(StreamId.topic(topic));
        if (log == null) {
            return List.of();
        }
        List<StoredNews> all = log.entries.stream().map(StoredNews.class::cast).toList();
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }

    @Override
    public synchronized List<TopicSummary> topics() {
        List<TopicSummary> topics = new ArrayList<>();
        logs.forEach((stream, log) -> {
            if (stream.isTopic()) {
                topics.add(new TopicSummary(stream.name(), new Cursor(epoch, log.lastSeq)));
            }
        });
        return topics;
    }

    @Override
    public synchronized Optional<List<StoredNotification>> list(String user, Cursor after, boolean unreadOnly,
                                                                int limit) {
        if (after != null && !epoch.equals(after.epoch())) {
            return Optional.empty();
        }
        List<StoredNotification> entries = inbox(user).values().stream()
                .filter(e -> after == null || e.cursor().seq() > after.seq())
                .filter(e -> !unreadOnly || !e.item().read())
                .toList();
        int from = after == null ? Math.max(0, entries.size() - limit) : 0;
        return Optional.of(List.copyOf(entries.subList(from, Math.min(entries.size(), from + limit))));
    }

    @Override
    public synchronized MarkResult markRead(String user, Collection<String> ids) {
        Map<String, StoredNotification> inbox = inbox(user);
        List<String> unknown = ids.stream().filter(id -> !inbox.containsKey(id)).distinct().toList();
        if (unknown.isEmpty()) {
            ids.forEach(id -> inbox.computeIfPresent(id, (key, e) -> new StoredNotification(user, e.cursor(),
                    e.item().asRead())));
        }
        return new MarkResult(unknown);
    }

    @Override
    public synchronized int purge(Instant before) {
        int purged = 0;
        for (Log log : logs.values()) {
            purged += log.purge(before);
        }
        notifications.values().removeIf(kept -> kept.item().createdAt().isBefore(before)
                && inboxes.values().stream().noneMatch(inbox -> inbox.containsKey(kept.item().id())));
        return purged;
    }

    /** An inbox entry with its read state now; a topic's item as it is. */
    private Entry current(Entry entry) {
        return entry instanceof StoredNotification kept ? inbox(kept.user()).get(kept.item().id()) : entry;
    }

    private Log log(StreamId stream) {
        return logs.computeIfAbsent(stream, key -> new Log());
    }

    private Map<String, StoredNotification> inbox(String user) {
        return inboxes.computeIfAbsent(user, key -> new LinkedHashMap<>());
    }

    private record Kept(NotificationItem item, Audience audience) {
    }

    /** One stream's entries, oldest first, and the last number it gave. */
    private final class Log {
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        long lastSeq;

        Cursor next() {
            return new Cursor(epoch, ++lastSeq);
        }

        /** Forgets old news items, and old read inbox entries. */
        int purge(Instant before) {
            int size = entries.size();
            entries.removeIf(entry -> entry instanceof StoredNews item ? expired(item.item(), before)
                    : expired((StoredNotification) entry, before));
            return size - entries.size();
        }

        private boolean expired(NewsItem item, Instant before) {
            if (!item.publishedAt().isBefore(before)) {
                return false;
            }
            news.remove(item.id());
            return true;
        }

        private boolean expired(StoredNotification entry, Instant before) {
            StoredNotification now = inbox(entry.user()).get(entry.item().id());
            if (now == null || !now.item().read() || !now.item().createdAt().isBefore(before)) {
                return false;
            }
            inbox(entry.user()).remove(entry.item().id());
            return true;
        }
    }
}
