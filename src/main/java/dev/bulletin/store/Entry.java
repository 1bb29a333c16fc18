package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.StreamId;

/** An item in a stream, with the cursor it was given there: a news item in its topic, or a notification in an inbox. */
public sealed interface Entry permits StoredNews, StoredNotification {

    StreamId stream();

    Cursor cursor();
}
