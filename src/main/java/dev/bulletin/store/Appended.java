package dev.bulletin.store;

import dev.bulletin.protocol.NotificationDraft.Audience;

import java.util.List;

/** What an {@link Append} wrote; {@link #entries} are the new entries of streams, to deliver. */
public sealed interface Appended {

    List<? extends Entry> entries();

    /** The news item as stored; {@code created} is false when its id was stored before, and nothing was written. */
    record News(StoredNews news, boolean created) implements Appended {
        @Override
        public List<StoredNews> entries() {
            return created ? List.of(news) : List.of();
        }
    }

    /** The notification's audience (the earlier one when its id was stored before), and its new inbox entries. */
    record Notification(Audience recipients, boolean created, List<StoredNotification> entries) implements Appended {
    }

    /** The inbox entries a claim made. */
    record Claimed(List<StoredNotification> entries) implements Appended {
    }
}
