package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NewsItem;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history of every topic, with cursors that increase strictly per topic. A write has
 * committed when it returns, so what it returns may be delivered at once.
 */
public interface NewsStore {

    /** Appends an item to its topic and gives it the next cursor of that topic. */
    StoredNews append(String topic, NewsItem item);

    /** The item published under this id (the publisher's idempotency key), while the store keeps it. */
    Optional<StoredNews> findById(String id);

    /**
     * Up to {@code limit} items of the topic after the cursor, oldest first; empty when the
     * history cannot answer without a gap: the cursor is of another epoch, older than what is
     * kept, or unknown.
     */
    Optional<List<StoredNews>> after(String topic, Cursor cursor, int limit);

    /** The newest {@code count} items of the topic, oldest first. */
    List<StoredNews> recent(String topic, int count);

    List<TopicSummary> topics();

    /** The cursor of each topic's newest item; sequence number 0 for a topic with none. */
    Map<String, Cursor> last(Collection<String> topics);

    /** Forgets the items published before the instant; returns how many. */
    int purge(Instant before);
}
