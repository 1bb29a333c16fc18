package dev.bulletin.protocol;

import java.time.Instant;

/** A personal notification as its user receives it inside a {@code notification} frame. */
public record NotificationItem(String id, String title, String body, String category, Instant createdAt,
                               boolean read) {

    public NotificationItem asRead() {
        return new NotificationItem(id, title, body, category, createdAt, true);
    }
}
