package dev.bulletin;

import dev.bulletin.hub.Identity;
import dev.bulletin.store.InMemoryTicketStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketsTest {

    private Instant now = Instant.parse("2026-11-24T09:00:00Z");
    private final Tickets tickets = new Tickets(new InMemoryTicketStore(), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, Duration.ofSeconds(30));
    private final Identity alice = new Identity("alice", Set.of("ops"), "h1");

    @Test
    void aTicketIsRedeemedOnceForItsIdentity() {
        String ticket = tickets.issue(alice);
        assertTrue(tickets.isValid(ticket), "checking does not use it up");
        assertEquals(Optional.of(alice), tickets.redeem(ticket));
        assertFalse(tickets.isValid(ticket));
        assertEquals(Optional.empty(), tickets.redeem(ticket));
    }

    @Test
    void aTicketExpiresAfterItsLifetime() {
        String ticket = tickets.issue(alice);
        now = now.plusSeconds(29);
        assertTrue(tickets.isValid(ticket));
        now = now.plusSeconds(1);
        assertFalse(tickets.isValid(ticket));
        assertEquals(Optional.empty(), tickets.redeem(ticket));
    }

    @Test
    void aTicketFromATokenEndsNoLaterThanTheTokenAndCarriesItsExpiry() {
        Identity signedIn = new Identity("alice", Set.of("ops"), null, now.plusSeconds(10));
        assertEquals(Duration.ofSeconds(10), tickets.lifetimeFor(signedIn));
        assertEquals(Duration.ofSeconds(30), tickets.lifetimeFor(alice));
        String ticket = tickets.issue(signedIn);
        now = now.plusSeconds(10);
        assertFalse(tickets.isValid(ticket), "not valid past the token's expiry, though its 30 s are not over");

        now = Instant.parse("2026-11-24T09:00:00Z");
        String fresh = tickets.issue(signedIn);
        assertEquals(Optional.of(signedIn), tickets.redeem(fresh), "the socket it opens knows when the login ends");
    }

    @Test
    void unknownAndMissingTicketsAreNotValid() {
        assertFalse(tickets.isValid("forged"));
        assertFalse(tickets.isValid(null));
        assertEquals(Optional.empty(), tickets.redeem(null));
    }
}
