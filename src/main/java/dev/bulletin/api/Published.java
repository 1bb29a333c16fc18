package dev.bulletin.api;

import java.time.Instant;

/** The answer to {@code POST /api/news}. */
public record Published(String id, String topic, String cursor, Instant publishedAt) {
}
