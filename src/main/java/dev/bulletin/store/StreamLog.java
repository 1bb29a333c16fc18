package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.StreamId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every stream's items, with cursors that increase by one per stream: the one port through which
 * items enter topics and inboxes and are read back in order.
 */
public interface StreamLog {

    /**
     * Makes the appends in one transaction, in their order, and answers each one's outcome in the
     * same order; when it throws, none of them was made. A stream's cursors are given with no gap and
     * commit in their order, also when several nodes append to it.
     */
    List<Appended> append(List<Append<?>> appends);

    /**
     * Up to {@code limit} entries of the stream after the cursor, oldest first; empty when the stream
     * cannot answer without a gap: the cursor is of another epoch, older than what is kept, or unknown.
     */
    Optional<List<Entry>> after(StreamId stream, Cursor cursor, int limit);

    /** The cursor of each stream's newest entry; sequence number 0 for a stream with none. */
    Map<StreamId, Cursor> last(Collection<StreamId> streams);
}
