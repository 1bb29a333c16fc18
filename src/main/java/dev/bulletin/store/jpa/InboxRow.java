package dev.bulletin.store.jpa;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.store.StoredNotification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A notification in one user's inbox: its cursor there, and whether the user read it. */
@Entity
@Table(name = "bulletin_inbox",
        uniqueConstraints = {
            @UniqueConstraint(name = "bulletin_inbox_cursor", columnNames = {"user_name", "seq"}),
            @UniqueConstraint(name = "bulletin_inbox_once", columnNames = {"user_name", "notification_id"})
        },
        indexes = @Index(name = "bulletin_inbox_unread", columnList = "user_name, is_read"))
public class InboxRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulletin_inbox_seq")
    @SequenceGenerator(name = "bulletin_inbox_seq", sequenceName = "bulletin_inbox_seq", allocationSize = 50)
    private Long id;

    @Column(name = "user_name", length = 128, nullable = false)
    private String user;

    @Column(nullable = false)
    private long seq;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notification_id", nullable = false)
    private NotificationRow notification;

    @Column(name = "is_read", nullable = false)
    private boolean read;

    protected InboxRow() {
    }

    InboxRow(String user, long seq, NotificationRow notification) {
        this.user = user;
        this.seq = seq;
        this.notification = notification;
    }

    String notificationId() {
        return notification.id();
    }

    void markRead() {
        read = true;
    }

    StoredNotification toStored(String epoch) {
        return new StoredNotification(user, new Cursor(epoch, seq), notification.toItem(read));
    }
}
