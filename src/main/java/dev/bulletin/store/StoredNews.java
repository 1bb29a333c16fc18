package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NewsItem;
import dev.bulletin.protocol.StreamId;

/** A news item as the store keeps it: with the topic and the cursor it was given. */
public record StoredNews(String topic, Cursor cursor, NewsItem item) implements Entry {

    @Override
    public StreamId stream() {
        return StreamId.topic(topic);
    }
}
