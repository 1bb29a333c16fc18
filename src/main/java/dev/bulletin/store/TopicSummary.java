package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;

/** A topic that has history, with the cursor of its newest item. */
public record TopicSummary(String name, Cursor lastCursor) {
}
