package dev.bulletin;

import dev.bulletin.hub.Identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets that let a browser open {@code /ws/notifications} as the user who asked for
 * one, since a browser cannot set headers on a WebSocket. A ticket opens
 * one connection; it is never logged. It lives {@code bulletin.ticket-seconds} (30 by default).
 */
public final class Tickets {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Ticket> issued = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    public Tickets(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(Identity identity) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, new Ticket(identity, clock.instant().plus(lifetime)));
        return token;
    }

    /** Whether the ticket would open a connection now; it stays unused. */
    public boolean isValid(String token) {
        Ticket ticket = token == null ? null : issued.get(token);
        return ticket != null && clock.instant().isBefore(ticket.expires());
    }

    /** Uses the ticket up: the identity it was issued for, or empty when it is unknown, used or expired. */
    public Optional<Identity> redeem(String token) {
        Ticket ticket = token == null ? null : issued.remove(token);
        return ticket != null && clock.instant().isBefore(ticket.expires())
                ? Optional.of(ticket.identity()) : Optional.empty();
    }

    /** Forgets expired tickets. */
    public void sweep() {
        Instant now = clock.instant();
        issued.values().removeIf(ticket -> !now.isBefore(ticket.expires()));
    }

    private record Ticket(Identity identity, Instant expires) {
    }
}
