package dev.bulletin.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last sequence number given in one stream: a topic's history or a user's inbox. Taking the
 * next number locks the row until the transaction ends ({@link JpaStore#lockStream}), so numbers
 * are given without gaps and commit in their order, on one node or many.
 */
@Entity
@Table(name = "bulletin_stream")
public class StreamRow {

    private static final int IN_LIST = 500;

    @Id
    @Column(length = 200)
    private String name;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    protected StreamRow() {
    }

    StreamRow(String name) {
        this.name = name;
    }

    /** Gives the next sequence number in the stream; the row must be locked. */
    long advance() {
        return ++lastSeq;
    }

    /** The last number given in each of the streams that has a row, in one query per 500 names. */
    static Map<String, Long> last(EntityManager em, Collection<String> names) {
        Map<String, Long> last = new HashMap<>();
        List<String> all = List.copyOf(names);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            em.createQuery("select s from StreamRow s where s.name in :names", StreamRow.class)
                    .setParameter("names", all.subList(from, Math.min(all.size(), from + IN_LIST)))
                    .getResultStream().forEach(row -> last.put(row.name, row.lastSeq));
        }
        return last;
    }

    /** The last number given in the stream, 0 for a stream that has none. */
    static long last(EntityManager em, String name) {
        StreamRow row = em.find(StreamRow.class, name);
        return row == null ? 0 : row.lastSeq;
    }

    String name() {
        return name;
    }

    long lastSeq() {
        return lastSeq;
    }
}
