package dev.bulletin.protocol;

import java.time.Instant;
import java.util.List;

/** A published news item as clients receive it inside a {@code news} frame. */
public record NewsItem(String id, String title, String summary, String url, String priority,
                       List<String> tags, Instant publishedAt) {
}
