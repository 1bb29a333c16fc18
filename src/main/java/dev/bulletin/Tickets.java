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
 * one, since a browser cannot set headers on a WebSocket. A ticket lives 30 seconds and opens
 * one connection; it is never logged.
 */
public final class Tickets {

    public static final Duration LIFETIME = Duration.ofSeconds(30);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Ticket> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    public Tickets(Clock clock) {
        this.clock = clock;
    }

    public String issue(Identity identity) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, new Ticket(identity, clock.instant().plus(LIFETIME)));
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
