package dev.bulletin;

import dev.bulletin.store.InMemoryOutbox;
import dev.bulletin.store.InMemoryStore;
import dev.bulletin.store.InMemoryTicketStore;
import dev.bulletin.store.NewsStore;
import dev.bulletin.store.NotificationStore;
import dev.bulletin.store.Outbox;
import dev.bulletin.store.StreamLog;
import dev.bulletin.store.TicketStore;

/**
 * The ports a Bulletin stores through: the streams of topics and inboxes, what news and notifications
 * keep besides, the tickets, and the outbox of drafts committed in applications' transactions.
 */
public record Stores(StreamLog log, NewsStore news, NotificationStore inboxes, TicketStore tickets, Outbox outbox) {

    /** Everything in memory, a topic keeping its newest {@code historyPerTopic} items: for tests and embedding. */
    public static Stores inMemory(int historyPerTopic) {
        InMemoryStore store = new InMemoryStore(historyPerTopic);
        return new Stores(store, store, store, new InMemoryTicketStore(), new InMemoryOutbox());
    }
}
