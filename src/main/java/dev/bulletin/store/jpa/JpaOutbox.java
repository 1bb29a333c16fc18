package dev.bulletin.store.jpa;

import dev.bulletin.store.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;

/**
 * The outbox table. {@link #put} joins the caller's JTA transaction, so that a draft commits or
 * rolls back with the application's own rows; the relay's reads and removals are transactions of
 * their own.
 */
@ApplicationScoped
public class JpaOutbox implements Outbox {

    @Inject
    @BulletinUnit
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(Kind kind, String id, String json) {
        em.persist(new OutboxRow(kind, id, json, System.currentTimeMillis()));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Draft> oldest(int limit) {
        return em.createQuery("select o from OutboxRow o order by o.seq", OutboxRow.class).setMaxResults(limit)
                .getResultStream().map(OutboxRow::draft).toList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remove(Collection<Long> seqs) {
        if (!seqs.isEmpty()) {
            em.createQuery("delete from OutboxRow o where o.seq in :seqs").setParameter("seqs", seqs).executeUpdate();
        }
    }
}
