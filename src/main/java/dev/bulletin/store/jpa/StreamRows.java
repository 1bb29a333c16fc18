package dev.bulletin.store.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes a stream's row in a transaction of its own: when two nodes make the same one at once, the
 * one that loses fails here, not in the transaction that needed the row, which then finds it.
 */
@ApplicationScoped
public class StreamRows {

    @Inject
    @BulletinUnit
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String name) {
        em.persist(new StreamRow(name));
    }
}
