package dev.bulletin.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tickets in memory: a single server's, for tests and for embedding without a database. */
public class InMemoryTicketStore implements TicketStore {

    private final Map<String, Holder> tickets = new ConcurrentHashMap<>();

    @Override
    public void put(String hash, Holder holder) {
        tickets.put(hash, holder);
    }

    @Override
    public Optional<Holder> find(String hash) {
        return Optional.ofNullable(tickets.get(hash));
    }

    @Override
    public Optional<Holder> take(String hash) {
        return Optional.ofNullable(tickets.remove(hash));
    }

    @Override
    public void removeAll(String user) {
        tickets.values().removeIf(holder -> holder.user().equals(user));
    }

    @Override
    public void purge(Instant now) {
        tickets.values().removeIf(holder -> !now.isBefore(holder.expires()));
    }
}
