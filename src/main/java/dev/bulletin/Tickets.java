package dev.bulletin;

import dev.bulletin.hub.Identity;
import dev.bulletin.store.TicketStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One-time tickets that let a browser open {@code /ws/notifications} as the user who asked for
 * one, since a browser cannot set headers on a WebSocket. A ticket opens one connection, on any
 * node whose store it is in; it is never logged, and the store keeps only its hash. It lives
 * {@code bulletin.ticket-seconds} (30 by default), and no longer than the login it was issued from.
 */
public final class Tickets {

    private final SecureRandom random = new SecureRandom();
    private final TicketStore store;
    private final Clock clock;
    private final Duration lifetime;

    public Tickets(TicketStore store, Clock clock, Duration lifetime) {
        this.store = store;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String issue(Identity identity) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.put(hash(token), new TicketStore.Holder(identity.user(), identity.roles(), identity.httpSession(),
                identity.loginEnds(), clock.instant().plus(lifetimeFor(identity))));
        return token;
    }

    /** How long a ticket issued now to this login lives: its lifetime, and no longer than the login. */
    public Duration lifetimeFor(Identity identity) {
        if (identity.loginEnds() == null) {
            return lifetime;
        }
        Duration login = Duration.between(clock.instant(), identity.loginEnds());
        return login.isNegative() ? Duration.ZERO : login.compareTo(lifetime) < 0 ? login : lifetime;
    }

    /** Whether the ticket would open a connection now; it stays unused. */
    public boolean isValid(String token) {
        return token != null && store.find(hash(token)).filter(this::isLive).isPresent();
    }

    /** Uses the ticket up: the identity it was issued for, or empty when it is unknown, used or expired. */
    public Optional<Identity> redeem(String token) {
        return token == null ? Optional.empty() : store.take(hash(token)).filter(this::isLive)
                .map(holder -> new Identity(holder.user(), holder.roles(), holder.httpSession(), holder.loginEnds()));
    }

    /** Forgets every ticket issued to the user: none of them opens a connection any more. */
    public void revoke(String user) {
        store.removeAll(user);
    }

    /** Forgets expired tickets. */
    public void sweep() {
        store.purge(clock.instant());
    }

    private boolean isLive(TicketStore.Holder holder) {
        return clock.instant().isBefore(holder.expires());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
