package dev.bulletin.faults;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The failure state of one part (the store, a timer, the broker): one line when it starts failing,
 * with the cause, and one when it works again, with how many attempts failed in between; the
 * attempts in between are logged at DEBUG. A part whose failure another part's explains (a timer
 * that failed because the store did) logs only at DEBUG.
 */
public final class FailureLog {

    private static final System.Logger LOG = System.getLogger(FailureLog.class.getName());

    private final String part;
    private final FailureLog explainedBy;
    private final AtomicLong failures = new AtomicLong();
    private volatile long sinceNanos;
    private volatile boolean told;

    /** @param part what fails, as a sentence's subject: "The store", "The heartbeat" */
    public FailureLog(String part) {
        this(part, null);
    }

    /** @param explainedBy a part whose failing explains this one's, so that only it is logged; null for none */
    public FailureLog(String part, FailureLog explainedBy) {
        this.part = part;
        this.explainedBy = explainedBy;
    }

    /** Whether the last attempt failed. */
    public boolean failing() {
        return failures.get() > 0;
    }

    public void failed(Throwable failure) {
        if (failures.getAndIncrement() == 0) {
            sinceNanos = System.nanoTime();
            told = explainedBy == null || !explainedBy.failing();
            LOG.log(told ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                    "{0} fails: {1}; it is logged again when it works", part, causes(failure));
        } else {
            LOG.log(System.Logger.Level.DEBUG, "{0} failed again: {1}", part, causes(failure));
        }
    }

    public void worked() {
        if (failures.get() == 0) {
            return; // the common case: one volatile read
        }
        long failed = failures.getAndSet(0);
        if (failed > 0) {
            long seconds = (System.nanoTime() - sinceNanos) / 1_000_000_000L;
            LOG.log(told ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
                    "{0} works again, after {1} failed attempt(s) in {2} s", part, failed, seconds);
        }
    }

    /** Runs the attempt, noting how it went; a failure is logged here and does not escape. */
    public void attempt(Runnable attempt) {
        try {
            attempt.run();
            worked();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** The chain of causes in one line, without the stack: {@code RollbackException: … ← PSQLException: …}. */
    static String causes(Throwable failure) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = failure; t != null && line.length() < 1_000; t = t.getCause() == t ? null : t.getCause()) {
            if (!line.isEmpty()) {
                line.append(" <- ");
            }
            line.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                line.append(": ").append(t.getMessage().strip());
            }
        }
        return line.toString();
    }
}
