package dev.bulletin.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * The last sequence number given in one stream: a topic's history or a user's inbox. Taking the
 * next number locks the row until the transaction ends, so numbers are given without gaps and
 * commit in their order, on one node or many.
 */
@Entity
@Table(name = "bulletin_stream")
public class StreamRow {

    @Id
    @Column(length = 200)
    private String name;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    protected StreamRow() {
    }

    private StreamRow(String name) {
        this.name = name;
    }

    static String news(String topic) {
        return "news:" + topic;
    }

    static String inbox(String user) {
        return "inbox:" + user;
    }

    /** Locks the stream and gives the next sequence number in it. */
    static long next(EntityManager em, String name) {
        StreamRow row = em.find(StreamRow.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new StreamRow(name);
            em.persist(row);
        }
        return ++row.lastSeq;
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
