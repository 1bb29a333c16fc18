package dev.bulletin.store;

import java.time.Instant;
import java.util.List;

/** What news needs of the store besides its streams ({@link StreamLog}): the newest items, the topics, the purge. */
public interface NewsStore {

    /** The newest {@code count} items of the topic, oldest first. */
    List<StoredNews> recent(String topic, int count);

    List<TopicSummary> topics();

    /** Forgets the items published before the instant; returns how many. */
    int purge(Instant before);
}
