package dev.bulletin.api;

import dev.bulletin.protocol.NewsItem;
import dev.bulletin.store.StoredNews;

/** One item of {@code GET /api/news}: the item with its topic and cursor. */
public record NewsEntry(String topic, String cursor, NewsItem item) {

    static NewsEntry of(StoredNews news) {
        return new NewsEntry(news.topic(), news.cursor().toString(), news.item());
    }
}
