package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.protocol.Codec;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.store.Outbox;
import dev.bulletin.store.jpa.JpaOutbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What an application that embeds Bulletin injects to publish news and notify users. Inside a JTA
 * transaction the draft is written to Bulletin's outbox in that transaction: it commits with the
 * application's own rows and goes out right after the commit, or, if the server dies first or the
 * store fails then, when it is back; on rollback it is gone with them. Outside a transaction it
 * goes out at once.
 */
@ApplicationScoped
public class Publisher {

    @Inject
    Bulletin bulletin;

    @Inject
    JpaOutbox outbox;

    @Inject
    Event<Drafted> drafted;

    private TransactionSynchronizationRegistry transactions;

    @PostConstruct
    void lookUp() {
        transactions = Jndi.lookup("java:comp/TransactionSynchronizationRegistry",
                TransactionSynchronizationRegistry.class);
    }

    /**
     * Validates the draft now; publishes it once the surrounding transaction commits, or at once outside one.
     *
     * @return the item's id: the draft's own, or a new one
     * @throws dev.bulletin.protocol.InvalidInput naming the field at fault
     */
    public String publish(NewsDraft draft) {
        NewsDraft valid = draft.validated();
        if (inTransaction()) {
            put(Outbox.Kind.NEWS, valid.id(), valid);
        } else {
            bulletin.newsroom().publish(valid, draft.id() != null);
        }
        return valid.id();
    }

    /**
     * Validates the notification now; sends it once the surrounding transaction commits, or at once outside one.
     *
     * @return the notification's id: the draft's own, or a new one
     * @throws dev.bulletin.protocol.InvalidInput naming the field at fault, also a role not in {@code bulletin.roles}
     */
    public String notify(NotificationDraft draft) {
        NotificationDraft valid = bulletin.notifications().accepted(draft);
        if (inTransaction()) {
            put(Outbox.Kind.NOTIFICATION, valid.id(), valid);
        } else {
            bulletin.notifications().notify(valid, draft.id() != null);
        }
        return valid.id();
    }

    private boolean inTransaction() {
        return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private void put(Outbox.Kind kind, String id, Object valid) {
        outbox.put(kind, id, Codec.JSONB.toJson(valid));
        drafted.fire(new Drafted());
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Drafted committed) {
        bulletin.relayOutbox();
    }

    /** Drafts went into the outbox in the current transaction. */
    public record Drafted() {
    }
}
