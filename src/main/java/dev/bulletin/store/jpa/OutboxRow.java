package dev.bulletin.store.jpa;

import dev.bulletin.store.Outbox;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A draft in the outbox (V2__outbox.sql). */
@Entity
@Table(name = "bulletin_outbox")
public class OutboxRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulletin_outbox_seq")
    @SequenceGenerator(name = "bulletin_outbox_seq", sequenceName = "bulletin_outbox_seq", allocationSize = 50)
    private Long seq;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private Outbox.Kind kind;

    @Column(length = 64, nullable = false)
    private String id;

    @Column(length = 262_144, nullable = false)
    private String draft;

    @Column(name = "created_ms", nullable = false)
    private long createdMillis;

    protected OutboxRow() {
    }

    OutboxRow(Outbox.Kind kind, String id, String draft, long createdMillis) {
        this.kind = kind;
        this.id = id;
        this.draft = draft;
        this.createdMillis = createdMillis;
    }

    Outbox.Draft draft() {
        return new Outbox.Draft(seq, kind, id, draft);
    }
}
