package dev.bulletin.store.jpa;

import dev.bulletin.protocol.Codec;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NewsItem;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.store.StoredNews;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Instant;
import java.util.List;

/** One published news item; its id is the publisher's idempotency key. */
@Entity
@Table(name = "bulletin_news",
        uniqueConstraints = @UniqueConstraint(name = "bulletin_news_cursor", columnNames = {"topic", "seq"}),
        indexes = @Index(name = "bulletin_news_published", columnList = "published_ms"))
public class NewsRow {

    @Id
    @Column(length = 64)
    private String id;

    @Column(length = 64, nullable = false)
    private String topic;

    @Column(nullable = false)
    private long seq;

    @Column(length = 300, nullable = false)
    private String title;

    @Column(length = 4000)
    private String summary;

    @Column(length = 2048)
    private String url;

    @Column(length = 16, nullable = false)
    private String priority;

    /** The tags as a JSON array. */
    @Column(length = NewsDraft.MAX_TAGS_JSON, nullable = false)
    private String tags;

    @Column(name = "published_ms", nullable = false)
    private long publishedMillis;

    protected NewsRow() {
    }

    NewsRow(String topic, long seq, NewsItem item) {
        this.id = item.id();
        this.topic = topic;
        this.seq = seq;
        this.title = item.title();
        this.summary = item.summary();
        this.url = item.url();
        this.priority = item.priority();
        this.tags = Codec.JSONB.toJson(item.tags());
        this.publishedMillis = item.publishedAt().toEpochMilli();
    }

    StoredNews toStored(String epoch) {
        return new StoredNews(topic, new Cursor(epoch, seq), new NewsItem(id, title, summary, url, priority,
                List.of(Codec.JSONB.fromJson(tags, String[].class)), Instant.ofEpochMilli(publishedMillis)));
    }
}
