package dev.bulletin.store.jpa;

import dev.bulletin.store.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/** Tickets in the database, so that any node accepts a ticket any node issued; each call is a transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaTicketStore implements TicketStore {

    @Inject
    @BulletinUnit
    EntityManager em;

    @Override
    public void put(String hash, Holder holder) {
        em.persist(new TicketRow(hash, holder));
    }

    @Override
    public Optional<Holder> find(String hash) {
        return Optional.ofNullable(em.find(TicketRow.class, hash)).map(TicketRow::holder);
    }

    @Override
    public Optional<Holder> take(String hash) {
        TicketRow row = em.find(TicketRow.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return Optional.empty();
        }
        em.remove(row);
        return Optional.of(row.holder());
    }

    @Override
    public void removeAll(String user) {
        em.createQuery("delete from TicketRow t where t.user = :user").setParameter("user", user).executeUpdate();
    }

    @Override
    public void purge(Instant now) {
        em.createQuery("delete from TicketRow t where t.expiresMillis <= :now")
                .setParameter("now", now.toEpochMilli()).executeUpdate();
    }
}
