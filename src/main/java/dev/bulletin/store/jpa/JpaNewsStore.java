package dev.bulletin.store.jpa;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.NewsStore;
import dev.bulletin.store.StoredNews;
import dev.bulletin.store.TopicSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** News history in the database, besides its streams ({@link JpaStreamLog}); each call is a transaction of its own. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaNewsStore extends JpaStore implements NewsStore {

    private static final String TOPICS = StreamId.topic("").key();

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
                .setParameter("prefix", TOPICS + "%").getResultStream()
                .map(s -> new TopicSummary(s.name().substring(TOPICS.length()), new Cursor(epoch(), s.lastSeq())))
                .toList();
    }

    @Override
    public int purge(Instant before) {
        return em.createQuery("delete from NewsRow n where n.publishedMillis < :before")
                .setParameter("before", before.toEpochMilli()).executeUpdate();
    }
}
