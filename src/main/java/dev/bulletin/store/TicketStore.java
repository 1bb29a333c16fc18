package dev.bulletin.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Tickets waiting to be used, by the hash of their token. In the database, every node of a
 * cluster accepts a ticket any node issued, and still only once.
 */
public interface TicketStore {

    void put(String hash, Holder holder);

    /** The ticket's holder, leaving the ticket in place. */
    Optional<Holder> find(String hash);

    /** Removes the ticket and answers its holder; of two that take the same ticket, one gets it. */
    Optional<Holder> take(String hash);

    /** Forgets every ticket of the user. */
    void removeAll(String user);

    /** Forgets the tickets that expired before the instant. */
    void purge(Instant now);

    /**
     * Whom a ticket was issued to, and until when it opens a connection; {@code loginEnds} is when the
     * login it was issued from ends by itself (a bearer token's expiry), null when it does not.
     */
    record Holder(String user, Set<String> roles, String httpSession, Instant loginEnds, Instant expires) {

        public Holder {
            roles = Set.copyOf(roles);
        }
    }
}
