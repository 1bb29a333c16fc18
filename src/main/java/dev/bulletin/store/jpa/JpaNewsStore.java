package dev.bulletin.store.jpa;

import dev.bulletin.protocol.NewsItem;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.store.NewsStore;
import dev.bulletin.store.StoredNews;
import dev.bulletin.store.TopicSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** News history in the database; each call is a transaction of its own, committed when it returns. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaNewsStore extends JpaStore implements NewsStore {

    private static final String PREFIX = StreamRow.news("");

    @Override
    public StoredNews append(String topic, NewsItem item) {
        NewsRow row = new NewsRow(topic, next(StreamRow.news(topic)), item);
        em.persist(row);
        return row.toStored(epoch());
    }

    @Override
    public Optional<StoredNews> findById(String id) {
        return Optional.ofNullable(em.find(NewsRow.class, id)).map(row -> row.toStored(epoch()));
    }

    @Override
    public Optional<List<StoredNews>> after(String topic, Cursor cursor, int limit) {
        long last = StreamRow.last(em, StreamRow.news(topic));
        if (!epoch().equals(cursor.epoch()) || cursor.seq() > last) {
            return Optional.empty();
        }
        if (cursor.seq() == last) {
            return Optional.of(List.of());
        }
        Long oldest = em.createQuery("select min(n.seq) from NewsRow n where n.topic = :topic", Long.class)
                .setParameter("topic", topic).getSingleResult();
        if (oldest == null || cursor.seq() < oldest - 1) {
            return Optional.empty();
        }
        return Optional.of(em.createQuery("select n from NewsRow n where n.topic = :topic and n.seq > :seq"
                        + " order by n.seq", NewsRow.class)
                .setParameter("topic", topic).setParameter("seq", cursor.seq())
                .setMaxResults(limit).getResultStream().map(row -> row.toStored(epoch())).toList());
    }

    @Override
    public List<StoredNews> recent(String topic, int count) {
        List<StoredNews> newest = new ArrayList<>(em.createQuery("select n from NewsRow n where n.topic = :topic"
                        + " order by n.seq desc", NewsRow.class)
                .setParameter("topic", topic).setMaxResults(count)
                .getResultStream().map(row -> row.toStored(epoch())).toList());
        Collections.reverse(newest);
        return newest;
    }

    @Override
    public List<TopicSummary> topics() {
        return em.createQuery("select s from StreamRow s where s.name like :prefix", StreamRow.class)
                .setParameter("prefix", PREFIX + "%").getResultStream()
                .map(s -> new TopicSummary(s.name().substring(PREFIX.length()), new Cursor(epoch(), s.lastSeq())))
                .toList();
    }

    @Override
    public Map<String, Cursor> last(Collection<String> topics) {
        return lastCursors(topics, StreamRow::news);
    }

    @Override
    public int purge(Instant before) {
        return em.createQuery("delete from NewsRow n where n.publishedMillis < :before")
                .setParameter("before", before.toEpochMilli()).executeUpdate();
    }
}
