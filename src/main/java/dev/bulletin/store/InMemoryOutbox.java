package dev.bulletin.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/** An outbox in memory, where there are no transactions: a draft put is there at once. For tests and embedding. */
public final class InMemoryOutbox implements Outbox {

    private final List<Draft> drafts = new ArrayList<>();
    private long last;

    @Override
    public synchronized void put(Kind kind, String id, String json) {
        drafts.add(new Draft(++last, kind, id, json));
    }

    @Override
    public synchronized List<Draft> oldest(int limit) {
        return List.copyOf(drafts.subList(0, Math.min(limit, drafts.size())));
    }

    @Override
    public synchronized void remove(Collection<Long> seqs) {
        Collection<Long> gone = new HashSet<>(seqs);
        drafts.removeIf(draft -> gone.contains(draft.seq()));
    }
}
