package dev.bulletin.store.jpa;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.store.NotificationStore;
import dev.bulletin.store.StoredNotification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Inboxes in the database, besides their streams ({@link JpaStreamLog}); each call is a transaction of its own. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaNotificationStore extends JpaStore implements NotificationStore {

    /** Old notifications looked at per purge; the next purge goes on. */
    private static final int PURGE_BATCH = 10_000;

    @Override
    public Optional<List<StoredNotification>> list(String user, Cursor after, boolean unreadOnly, int limit) {
        if (after != null && !epoch().equals(after.epoch())) {
            return Optional.empty();
        }
        String jpql = "select i from InboxRow i join fetch i.notification where i.user = :user"
                + (after != null ? " and i.seq > :after" : "")
                + (unreadOnly ? " and i.read = false" : "")
                + (after != null ? " order by i.seq" : " order by i.seq desc");
        TypedQuery<InboxRow> query = em.createQuery(jpql, InboxRow.class).setParameter("user", user);
        if (after != null) {
            query.setParameter("after", after.seq());
        }
        List<StoredNotification> entries = new ArrayList<>(query.setMaxResults(limit).getResultStream()
                .map(row -> row.toStored(epoch())).toList());
        if (after == null) {
            Collections.reverse(entries);
        }
        return Optional.of(entries);
    }

    @Override
    public MarkResult markRead(String user, Collection<String> ids) {
        List<InboxRow> rows = em.createQuery("select i from InboxRow i join fetch i.notification"
                        + " where i.user = :user and i.notification.id in :ids", InboxRow.class)
                .setParameter("user", user).setParameter("ids", Set.copyOf(ids)).getResultList();
        Set<String> found = new TreeSet<>();
        rows.forEach(row -> found.add(row.notificationId()));
        List<String> unknown = ids.stream().filter(id -> !found.contains(id)).distinct().toList();
        if (unknown.isEmpty()) {
            rows.forEach(InboxRow::markRead);
        }
        return new MarkResult(unknown);
    }

    @Override
    public int purge(Instant before) {
        long cutoff = before.toEpochMilli();
        int purged = em.createQuery("delete from InboxRow i where i.read = true and i.notification in"
                        + " (select n from NotificationRow n where n.createdMillis < :before)")
                .setParameter("before", cutoff).executeUpdate();
        em.createQuery("select n from NotificationRow n where n.createdMillis < :before and not exists"
                        + " (select i from InboxRow i where i.notification = n)", NotificationRow.class)
                .setParameter("before", cutoff).setMaxResults(PURGE_BATCH).getResultList()
                .forEach(em::remove);
        return purged;
    }
}
