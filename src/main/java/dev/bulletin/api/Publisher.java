package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * What an application that embeds Bulletin injects to publish news and notify users. Inside a
 * transaction the item is stored and sent after the commit, and not at all on rollback; outside
 * one it goes out at once.
 */
@ApplicationScoped
public class Publisher {

    @Inject
    Bulletin bulletin;

    @Inject
    Event<Pending> pending;

    @Inject
    Event<PendingNotification> pendingNotification;

    /**
     * Validates the draft now, publishes it once the surrounding transaction commits.
     *
     * @return the item's id: the draft's own, or a new one
     * @throws dev.bulletin.protocol.InvalidInput naming the field at fault
     */
    public String publish(NewsDraft draft) {
        NewsDraft valid = draft.validated();
        pending.fire(new Pending(valid, draft.id() != null));
        return valid.id();
    }

    /**
     * Validates the notification now, sends it once the surrounding transaction commits.
     *
     * @return the notification's id: the draft's own, or a new one
     * @throws dev.bulletin.protocol.InvalidInput naming the field at fault, also a role not in {@code bulletin.roles}
     */
    public String notify(NotificationDraft draft) {
        NotificationDraft valid = bulletin.notifications().accepted(draft);
        pendingNotification.fire(new PendingNotification(valid, draft.id() != null));
        return valid.id();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Pending news) {
        bulletin.newsroom().publish(news.draft(), news.publishersId());
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PendingNotification notification) {
        bulletin.notifications().notify(notification.draft(), notification.publishersId());
    }

    /** A validated news draft waiting for its transaction to end; {@code publishersId}: its id is the caller's. */
    public record Pending(NewsDraft draft, boolean publishersId) {
    }

    /** A validated notification waiting for its transaction to end; {@code publishersId}: its id is the caller's. */
    public record PendingNotification(NotificationDraft draft, boolean publishersId) {
    }
}
