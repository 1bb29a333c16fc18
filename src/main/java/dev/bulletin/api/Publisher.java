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
        pending.fire(new Pending(valid));
        return valid.id();
    }

    /**
     * Validates the notification now, sends it once the surrounding transaction commits.
     *
     * @return the notification's id: the draft's own, or a new one
     * @throws dev.bulletin.protocol.InvalidInput naming the field at fault
     */
    public String notify(NotificationDraft draft) {
        NotificationDraft valid = draft.validated();
        pendingNotification.fire(new PendingNotification(valid));
        return valid.id();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Pending news) {
        bulletin.newsroom().publish(news.draft());
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PendingNotification notification) {
        bulletin.notifications().notify(notification.draft());
    }

    /** A validated news draft waiting for its transaction to end. */
    public record Pending(NewsDraft draft) {
    }

    /** A validated notification waiting for its transaction to end. */
    public record PendingNotification(NotificationDraft draft) {
    }
}
