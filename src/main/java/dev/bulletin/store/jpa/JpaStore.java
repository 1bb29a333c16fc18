package dev.bulletin.store.jpa;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What both database stores share: the persistence context, and the epoch their cursors carry. */
abstract class JpaStore {

    @PersistenceContext(unitName = "bulletin")
    EntityManager em;

    @Inject
    Epochs epochs;

    private volatile String epoch;

    String epoch() {
        String known = epoch;
        if (known == null) {
            known = epochs.current();
            epoch = known;
        }
        return known;
    }
}
