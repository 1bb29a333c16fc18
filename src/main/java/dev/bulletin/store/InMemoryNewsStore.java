package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NewsItem;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the newest {@code historyPerTopic} items of each topic in memory, for tests and for
 * embedding without a database. Every instance has an epoch of its own, so cursors handed out
 * before a restart resume as {@code false}.
 */
public class InMemoryNewsStore implements NewsStore {

    private final String epoch;
    private final int historyPerTopic;
    private final Map<String, TopicLog> logs = new ConcurrentHashMap<>();
    private final Map<String, StoredNews> byId = new ConcurrentHashMap<>();

    public InMemoryNewsStore(int historyPerTopic) {
        this.epoch = Cursor.newEpoch();
        this.historyPerTopic = historyPerTopic;
    }

    public String epoch() {
        return epoch;
    }

    @Override
    public StoredNews append(String topic, NewsItem item) {
        StoredNews stored = logs.computeIfAbsent(topic, TopicLog::new).append(item);
        byId.put(item.id(), stored);
        return stored;
    }

    @Override
    public Optional<StoredNews> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<List<StoredNews>> after(String topic, Cursor cursor, int limit) {
        if (!epoch.equals(cursor.epoch())) {
            return Optional.empty();
        }
        TopicLog log = logs.get(topic);
        if (log == null) {
            return cursor.seq() == 0 ? Optional.of(List.of()) : Optional.empty();
        }
        return log.after(cursor.seq()).map(items -> items.subList(0, Math.min(limit, items.size())));
    }

    @Override
    public List<StoredNews> recent(String topic, int count) {
        TopicLog log = logs.get(topic);
        return log == null ? List.of() : log.recent(count);
    }

    @Override
    public List<TopicSummary> topics() {
        List<TopicSummary> topics = new ArrayList<>();
        logs.values().forEach(log -> topics.add(log.summary()));
        return topics;
    }

    @Override
    public Map<String, Cursor> last(Collection<String> topics) {
        Map<String, Cursor> last = new HashMap<>();
        for (String topic : topics) {
            TopicLog log = logs.get(topic);
            last.put(topic, log == null ? new Cursor(epoch, 0) : log.summary().lastCursor());
        }
        return last;
    }

    @Override
    public int purge(Instant before) {
        return logs.values().stream().mapToInt(log -> log.purge(before)).sum();
    }

    /** One topic's history; its monitor orders appends and reads of that topic only. */
    private final class TopicLog {

        private final String topic;
        private final ArrayDeque<StoredNews> items = new ArrayDeque<>();
        private long lastSeq;

        TopicLog(String topic) {
            this.topic = topic;
        }

        synchronized StoredNews append(NewsItem item) {
            StoredNews stored = new StoredNews(topic, new Cursor(epoch, ++lastSeq), item);
            items.addLast(stored);
            if (items.size() > historyPerTopic) {
                byId.remove(items.removeFirst().item().id());
            }
            return stored;
        }

        synchronized Optional<List<StoredNews>> after(long seq) {
            long oldestKept = lastSeq - items.size() + 1;
            if (seq > lastSeq || seq < oldestKept - 1) {
                return Optional.empty();
            }
            return Optional.of(List.copyOf(new ArrayList<>(items).subList((int) (seq - oldestKept + 1), items.size())));
        }

        synchronized List<StoredNews> recent(int count) {
            List<StoredNews> all = new ArrayList<>(items);
            return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
        }

        synchronized int purge(Instant before) {
            int purged = 0;
            while (!items.isEmpty() && items.peekFirst().item().publishedAt().isBefore(before)) {
                byId.remove(items.removeFirst().item().id());
                purged++;
            }
            return purged;
        }

        synchronized TopicSummary summary() {
            return new TopicSummary(topic, new Cursor(epoch, lastSeq));
        }
    }
}
