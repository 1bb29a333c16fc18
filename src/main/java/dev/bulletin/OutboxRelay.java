package dev.bulletin;

import dev.bulletin.faults.FailureLog;
import dev.bulletin.protocol.Codec;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.store.Appended;
import dev.bulletin.store.Outbox;
import dev.bulletin.stream.Sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves committed drafts from the outbox into their streams, oldest first, and removes them. A
 * draft goes in under its own id, so one relayed twice (the server died between the append and the
 * removal, or two nodes relayed it) is stored and delivered once. It runs when {@link #wake woken}
 * after an application's commit, and on a schedule for what a crash or a store outage left behind;
 * runs never overlap, and a wake during a run makes one more run.
 */
final class OutboxRelay {

    /** Drafts read, appended and removed together. */
    static final int BATCH = Sequencer.MAX_BATCH;

    private final Outbox outbox;
    private final Newsroom newsroom;
    private final Notifications notifications;
    private final Executor executor;
    private final FailureLog failures;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    OutboxRelay(Outbox outbox, Newsroom newsroom, Notifications notifications, Executor executor,
                FailureLog failures) {
        this.outbox = outbox;
        this.newsroom = newsroom;
        this.notifications = notifications;
        this.executor = executor;
        this.failures = failures;
    }

    /** Relays what the outbox holds, on the executor, unless a run is under way: then that run goes on once more. */
    void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            executor.execute(this::run);
        }
    }

    private void run() {
        try {
            while (again.getAndSet(false)) {
                failures.attempt(this::drain);
            }
        } finally {
            running.set(false);
        }
        if (again.get()) {
            wake(); // woken between the last check and the end of this run
        }
    }

    private void drain() {
        List<Outbox.Draft> batch;
        do {
            batch = outbox.oldest(BATCH);
            relay(batch);
        } while (batch.size() == BATCH);
    }

    /**
     * Queues the whole batch at once, so that it commits in a group or a few, then waits for each in
     * order; what was stored is removed, and a failure is thrown after that, for the next run.
     */
    private void relay(List<Outbox.Draft> batch) {
        List<Object> drafts = batch.stream().map(OutboxRelay::draft).toList();
        List<CompletableFuture<? extends Appended>> appends = drafts.stream().map(this::submit).toList();
        List<Long> relayed = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < batch.size(); i++) {
            try {
                Appended done = appends.get(i).get(Sequencer.ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                if (drafts.get(i) instanceof NotificationDraft notification) {
                    notifications.sent(notification, (Appended.Notification) done);
                }
                relayed.add(batch.get(i).seq());
            } catch (ExecutionException | TimeoutException e) {
                failure = failure != null ? failure : new IllegalStateException("relaying draft " + batch.get(i).id()
                        + " failed", e.getCause() != null ? e.getCause() : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while relaying the outbox", e);
            }
        }
        outbox.remove(relayed);
        if (failure != null) {
            throw failure;
        }
    }

    private static Object draft(Outbox.Draft draft) {
        return switch (draft.kind()) {
            case NEWS -> Codec.JSONB.fromJson(draft.json(), NewsDraft.class);
            case NOTIFICATION -> Codec.JSONB.fromJson(draft.json(), NotificationDraft.class);
        };
    }

    private CompletableFuture<? extends Appended> submit(Object draft) {
        return draft instanceof NewsDraft news ? newsroom.submit(news)
                : notifications.submit((NotificationDraft) draft);
    }
}
