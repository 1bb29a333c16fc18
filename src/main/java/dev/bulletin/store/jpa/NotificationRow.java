package dev.bulletin.store.jpa;

import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.protocol.NotificationItem;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One notification as it was sent, with its audience; each user's copy and read state is an {@link InboxRow}. */
@Entity
@Table(name = "bulletin_notification", indexes = @Index(name = "bulletin_notification_created",
        columnList = "created_ms"))
public class NotificationRow {

    @Id
    @Column(length = 64)
    private String id;

    @Column(length = 300, nullable = false)
    private String title;

    @Column(length = 4000)
    private String body;

    @Column(length = 64)
    private String category;

    @Column(name = "created_ms", nullable = false)
    private long createdMillis;

    @ElementCollection
    @CollectionTable(name = "bulletin_notification_user", joinColumns = @JoinColumn(name = "notification_id"))
    @Column(name = "user_name", length = 128)
    private Set<String> users = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "bulletin_notification_role", joinColumns = @JoinColumn(name = "notification_id"),
            indexes = @Index(name = "bulletin_notification_role_name", columnList = "role_name"))
    @Column(name = "role_name", length = 128)
    private Set<String> roles = new TreeSet<>();

    protected NotificationRow() {
    }

    NotificationRow(NotificationItem item, Audience audience) {
        this.id = item.id();
        this.title = item.title();
        this.body = item.body();
        this.category = item.category();
        this.createdMillis = item.createdAt().toEpochMilli();
        this.users.addAll(audience.users());
        this.roles.addAll(audience.roles());
    }

    String id() {
        return id;
    }

    Audience audience() {
        return new Audience(List.copyOf(users), List.copyOf(roles));
    }

    NotificationItem toItem(boolean read) {
        return new NotificationItem(id, title, body, category, Instant.ofEpochMilli(createdMillis), read);
    }
}
