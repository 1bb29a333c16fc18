package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.protocol.NotificationItem;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every user's inbox: personal notifications with their read state, and cursors that increase
 * strictly per user. A notification to a role is kept with its audience and enters the inbox of
 * each user in that role when {@link #claim} runs for them. Writes have committed when they return.
 */
public interface NotificationStore {

    /** Stores the notification and enters it in the inbox of each named user, whom it returns entries for. */
    List<StoredNotification> add(NotificationItem item, Audience audience);

    /** The audience of the notification stored under this id (the publisher's idempotency key). */
    Optional<Audience> findById(String id);

    /**
     * Enters in the user's inbox the notifications to these roles, created since the instant, that
     * it does not hold yet; returns the new entries, oldest first.
     */
    List<StoredNotification> claim(String user, Collection<String> roles, Instant since);

    /** The user's entries, oldest first: after the cursor, or else the newest {@code limit}; empty for a cursor of another epoch. */
    Optional<List<StoredNotification>> list(String user, Cursor after, boolean unreadOnly, int limit);

    /** The cursor of the newest entry in each user's inbox; sequence number 0 for an inbox with none. */
    Map<String, Cursor> last(Collection<String> users);

    /**
     * Marks the user's notifications read. When any id is not in this user's inbox, nothing is
     * changed and the answer is the ids that are not.
     */
    MarkResult markRead(String user, Collection<String> ids);

    /** Forgets read entries and notifications created before the instant; unread entries stay. */
    int purge(Instant before);

    /** The outcome of {@link #markRead}: which ids were unknown to the user (then none was marked). */
    record MarkResult(List<String> unknown) {
        public boolean done() {
            return unknown.isEmpty();
        }
    }
}
