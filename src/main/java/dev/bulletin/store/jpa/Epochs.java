package dev.bulletin.store.jpa;

import dev.bulletin.protocol.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Reads this database's epoch, making one the first time; the stores keep what it answers. */
@ApplicationScoped
public class Epochs {

    @PersistenceContext(unitName = "bulletin")
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
