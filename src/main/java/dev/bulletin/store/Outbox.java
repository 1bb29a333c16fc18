package dev.bulletin.store;

import java.util.Collection;
import java.util.List;

/**
 * The transactional outbox: drafts an application wrote inside its own transaction, committed or
 * rolled back with its own rows, waiting for the relay to move them into their streams.
 */
public interface Outbox {

    /** What a draft becomes: a news item or a notification. */
    enum Kind { NEWS, NOTIFICATION }

    /**
     * One waiting draft.
     *
     * @param seq  its place in the outbox: drafts are relayed in this order
     * @param id   the item's id, which makes relaying it twice deliver it once
     * @param json the validated draft, as the body of {@code POST /api/news} or {@code /api/notifications}
     */
    record Draft(long seq, Kind kind, String id, String json) {
    }

    /** Writes a draft in the caller's transaction: it is there if that commits, and not if it rolls back. */
    void put(Kind kind, String id, String json);

    /** The oldest drafts, at most {@code limit}, oldest first. */
    List<Draft> oldest(int limit);

    /** Removes the drafts of these {@link Draft#seq}s, which have been relayed. */
    void remove(Collection<Long> seqs);
}
