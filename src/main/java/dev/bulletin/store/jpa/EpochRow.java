package dev.bulletin.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row that names this database's life: cursors carry it, and a reset database gets a new one. */
@Entity
@Table(name = "bulletin_epoch")
public class EpochRow {

    static final int ID = 1;

    @Id
    private int id;

    @Column(length = 16, nullable = false)
    private String epoch;

    protected EpochRow() {
    }

    EpochRow(String epoch) {
        this.id = ID;
        this.epoch = epoch;
    }

    String epoch() {
        return epoch;
    }
}
