package dev.bulletin.store.jpa;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;


/** What the database stores share: the persistence context, the stream rows, and the epoch their cursors carry. */
abstract class JpaStore {

    private static final System.Logger LOG = System.getLogger(JpaStore.class.getName());

    @Inject
    @BulletinUnit
    EntityManager em;

    @Inject
    Epochs epochs;

    @Inject
    StreamRows streamRows;

    private volatile String epoch;

    String epoch() {
        String known = epoch;
        if (known == null) {
            // read in the caller's transaction, on its connection: a transaction of its own would need a
            // second connection while the caller holds one, and callers arriving together would take the
            // whole pool that way and wait for each other (only a new database makes the row, below)
            EpochRow row = em.find(EpochRow.class, EpochRow.ID);
            if (row != null) {
                epoch = row.epoch();
                return epoch;
            }
            try {
                known = epochs.current();
            } catch (Exception e) {
                // another node or thread made the epoch row at the same moment; it is there now. Any
                // exception: a failed commit of the row's own transaction throws the checked RollbackException
                LOG.log(System.Logger.Level.DEBUG, "Making the epoch row failed; reading the one made meanwhile", e);
                known = epochs.current();
            }
            epoch = known;
        }
        return known;
    }

    /** Locks the stream's row until the transaction ends, making the row first if the stream is new. */
    StreamRow lockStream(String name) {
        StreamRow row = em.find(StreamRow.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            try {
                streamRows.create(name);
            } catch (Exception e) {
                // any exception, as for the epoch: the row's own commit throws the checked RollbackException
                LOG.log(System.Logger.Level.DEBUG, "Stream {0} was made by another transaction meanwhile", name);
            }
            row = em.find(StreamRow.class, name, LockModeType.PESSIMISTIC_WRITE);
        }
        return row;
    }
}
