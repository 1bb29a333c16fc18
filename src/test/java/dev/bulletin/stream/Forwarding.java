package dev.bulletin.stream;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.Entry;
import dev.bulletin.store.StreamLog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A stream log that hands every call to another, for a test to change one of them. */
class Forwarding implements StreamLog {

    private final StreamLog target;

    Forwarding(StreamLog target) {
        this.target = target;
    }

    @Override
    public List<Appended> append(List<Append<?>> appends) {
        return target.append(appends);
    }

    @Override
    public Optional<List<Entry>> after(StreamId stream, Cursor cursor, int limit) {
        return target.after(stream, cursor, limit);
    }

    @Override
    public Map<StreamId, Cursor> last(Collection<StreamId> streams) {
        return target.last(streams);
    }
}
