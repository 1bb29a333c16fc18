package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NotificationItem;
import dev.bulletin.protocol.StreamId;

/** A notification in one user's inbox, with the cursor it has in that inbox. */
public record StoredNotification(String user, Cursor cursor, NotificationItem item) implements Entry {

    @Override
    public StreamId stream() {
        return StreamId.inbox(user);
    }
}
