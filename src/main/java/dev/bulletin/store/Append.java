package dev.bulletin.store;

import dev.bulletin.protocol.NewsItem;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.protocol.NotificationItem;

import java.time.Instant;
import java.util.List;

/**
 * One write to the streams, of those {@link StreamLog#append} makes together; {@code R} is what it
 * answers. An item whose id the publisher chose ({@code publishersId}) may have been written before:
 * only then is the id looked up, and an item found is answered, not written again.
 */
public sealed interface Append<R extends Appended> {

    /** A news item, appended to its topic. */
    record News(String topic, NewsItem item, boolean publishersId) implements Append<Appended.News> {
    }

    /** A notification, kept once with its audience and appended to the inbox of each named user. */
    record Notification(NotificationItem item, Audience audience, boolean publishersId)
            implements Append<Appended.Notification> {
    }

    /**
     * The notifications to these roles, created since the instant, that the user's inbox does not
     * hold yet, appended to it oldest first.
     */
    record Claim(String user, List<String> roles, Instant since) implements Append<Appended.Claimed> {
    }
}
