package dev.bulletin.store.jpa;

import dev.bulletin.store.TicketStore.Holder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A ticket waiting to be used, under the hash of its token: the table never holds a usable ticket. */
@Entity
@Table(name = "bulletin_ticket", indexes = @Index(name = "bulletin_ticket_expires", columnList = "expires_millis"))
public class TicketRow {

    @Id
    @Column(length = 64)
    private String hash;

    @Column(name = "user_name", length = 128, nullable = false)
    private String user;

    /** The roles Bulletin checked for the user, comma-separated (role names hold no comma). */
    @Column(length = 2000, nullable = false)
    private String roles;

    @Column(name = "http_session", length = 200)
    private String httpSession;

    @Column(name = "login_ends_millis")
    private Long loginEndsMillis;

    @Column(name = "expires_millis", nullable = false)
    private long expiresMillis;

    protected TicketRow() {
    }

    TicketRow(String hash, Holder holder) {
        this.hash = hash;
        this.user = holder.user();
        this.roles = String.join(",", holder.roles());
        this.httpSession = holder.httpSession();
        this.loginEndsMillis = holder.loginEnds() == null ? null : holder.loginEnds().toEpochMilli();
        this.expiresMillis = holder.expires().toEpochMilli();
    }

    Holder holder() {
        Set<String> roleSet = roles.isEmpty() ? Set.of() : Arrays.stream(roles.split(",")).collect(Collectors.toSet());
        return new Holder(user, roleSet, httpSession,
                loginEndsMillis == null ? null : Instant.ofEpochMilli(loginEndsMillis), Instant.ofEpochMilli(expiresMillis));
    }
}
