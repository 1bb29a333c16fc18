package dev.bulletin.store.jpa;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.Entry;
import dev.bulletin.store.StoredNotification;
import dev.bulletin.store.StreamLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Topics and inboxes in the database. An append takes the rows of every stream it writes
 * ({@code bulletin_stream}) under a lock, in key order, and holds them to its commit: numbers are
 * given without a gap and commit in their order, on one node or many, and two appenders never wait
 * for each other in a circle. Each call is a transaction of its own, committed when it returns.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaStreamLog extends JpaStore implements StreamLog {

    @Override
    public List<Appended> append(List<Append<?>> appends) {
        Map<StreamId, StreamRow> rows = new TreeMap<>();
        appends.forEach(append -> written(append).forEach(stream -> rows.put(stream, null)));
        rows.replaceAll((stream, unlocked) -> lockStream(stream.key()));
        List<Appended> done = new ArrayList<>(appends.size());
        for (Append<?> append : appends) {
            if (append instanceof Append.News item) {
                done.add(news(item, rows));
            } else if (append instanceof Append.Notification item) {
                done.add(notification(item, rows));
            } else if (append instanceof Append.Claim claim) {
                done.add(claim(claim, rows));
            }
        }
        return done;
    }

    /** The streams an append may write to. */
    private static List<StreamId> written(Append<?> append) {
        if (append instanceof Append.News item) {
            return List.of(StreamId.topic(item.topic()));
        }
        if (append instanceof Append.Notification item) {
            return item.audience().users().stream().map(StreamId::inbox).toList();
        }
        return List.of(StreamId.inbox(((Append.Claim) append).user()));
    }

    private Appended.News news(Append.News append, Map<StreamId, StreamRow> rows) {
        NewsRow earlier = append.publishersId() ? em.find(NewsRow.class, append.item().id()) : null;
        if (earlier != null) {
            return new Appended.News(earlier.toStored(epoch()), false);
        }
        NewsRow row = new NewsRow(append.topic(), rows.get(StreamId.topic(append.topic())).advance(), append.item());
        em.persist(row);
        return new Appended.News(row.toStored(epoch()), true);
    }

    private Appended.Notification notification(Append.Notification append, Map<StreamId, StreamRow> rows) {
        NotificationRow earlier = append.publishersId() ? em.find(NotificationRow.class, append.item().id()) : null;
        if (earlier != null) {
            return new Appended.Notification(earlier.audience(), false, List.of());
        }
        NotificationRow notification = new NotificationRow(append.item(), append.audience());
        em.persist(notification);
        List<StoredNotification> entries = new ArrayList<>();
        for (String user : new TreeSet<>(append.audience().users())) {
            entries.add(enter(user, notification, rows));
        }
        return new Appended.Notification(append.audience(), true, entries);
    }

    private Appended.Claimed claim(Append.Claim claim, Map<StreamId, StreamRow> rows) {
        List<NotificationRow> unclaimed = em.createQuery("select distinct n from NotificationRow n join n.roles r"
                        + " where r in :roles and n.createdMillis >= :since and not exists"
                        + " (select i from InboxRow i where i.user = :user and i.notification = n)"
                        + " order by n.createdMillis, n.id", NotificationRow.class)
                .setParameter("roles", claim.roles()).setParameter("since", claim.since().toEpochMilli())
                .setParameter("user", claim.user()).getResultList();
        return new Appended.Claimed(unclaimed.stream().map(notification -> enter(claim.user(), notification, rows))
                .toList());
    }

    private StoredNotification enter(String user, NotificationRow notification, Map<StreamId, StreamRow> rows) {
        InboxRow row = new InboxRow(user, rows.get(StreamId.inbox(user)).advance(), notification);
        em.persist(row);
        return row.toStored(epoch());
    }

    @Override
    public Optional<List<Entry>> after(StreamId stream, Cursor cursor, int limit) {
        long last = StreamRow.last(em, stream.key());
        if (!epoch().equals(cursor.epoch()) || cursor.seq() > last) {
            return Optional.empty();
        }
        if (cursor.seq() == last) {
            return Optional.of(List.of());
        }
        if (stream.isInbox()) {
            return Optional.of(em.createQuery("select i from InboxRow i join fetch i.notification where i.user = :user"
                            + " and i.seq > :seq order by i.seq", InboxRow.class)
                    .setParameter("user", stream.name()).setParameter("seq", cursor.seq())
                    .setMaxResults(limit).getResultStream().<Entry>map(row -> row.toStored(epoch())).toList());
        }
        Long oldest = em.createQuery("select min(n.seq) from NewsRow n where n.topic = :topic", Long.class)
                .setParameter("topic", stream.name()).getSingleResult();
        if (oldest == null || cursor.seq() < oldest - 1) {
            return Optional.empty(); // the topic's older items are purged: the gap cannot be filled
        }
        return Optional.of(em.createQuery("select n from NewsRow n where n.topic = :topic and n.seq > :seq"
                        + " order by n.seq", NewsRow.class)
                .setParameter("topic", stream.name()).setParameter("seq", cursor.seq())
                .setMaxResults(limit).getResultStream().<Entry>map(row -> row.toStored(epoch())).toList());
    }

    @Override
    public Map<StreamId, Cursor> last(Collection<StreamId> streams) {
        Map<String, Long> seqs = StreamRow.last(em, streams.stream().map(StreamId::key).toList());
        Map<StreamId, Cursor> last = new HashMap<>();
        streams.forEach(stream -> last.put(stream, new Cursor(epoch(), seqs.getOrDefault(stream.key(), 0L))));
        return last;
    }
}
