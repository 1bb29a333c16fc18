package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.protocol.NewsDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * What an application that embeds Bulletin injects to publish. Inside a transaction the item
 * goes out after the commit, and not at all on rollback; outside one it goes out at once.
 */
@ApplicationScoped
public class Publisher {

    @Inject
    Bulletin bulletin;

    @Inject
    Event<Pending> pending;

    /**
     * Validates the draft now, publishes it once the surrounding transaction commits.
     *
     * @return the item's id: the draft's own, or a new one
     * @throws dev.bulletin.protocol.InvalidInput naming the field at fault
     */
    public String publish(NewsDraft draft) {
        NewsDraft valid = draft.validated();
        pending.fire(new Pending(valid));
        return valid.id();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Pending news) {
        bulletin.newsroom().publish(news.draft());
    }

    /** A validated draft waiting for its transaction to end. */
    public record Pending(NewsDraft draft) {
    }
}
