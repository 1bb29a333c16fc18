package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What notifications need of the store besides their inboxes' streams ({@link StreamLog}): a user's
 * entries with their read state, marking them read, the purge. Writes have committed when they return.
 */
public interface NotificationStore {

    /** The user's entries, oldest first: after the cursor, or else the newest {@code limit}; empty for a cursor of another epoch. */
    Optional<List<StoredNotification>> list(String user, Cursor after, boolean unreadOnly, int limit);

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
