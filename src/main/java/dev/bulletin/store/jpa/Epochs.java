package dev.bulletin.store.jpa;

import dev.bulletin.protocol.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads this database's epoch, making one the first time; the stores keep what it answers. */
@ApplicationScoped
public class Epochs {

    @Inject
    @BulletinUnit
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String current() {
        EpochRow row = em.find(EpochRow.class, EpochRow.ID);
        if (row == null) {
            row = new EpochRow(Cursor.newEpoch());
            em.persist(row);
        }
        return row.epoch();
    }
}
