package dev.bulletin.hub;

/**
 * Client frames per second per connection, as a generic cell rate algorithm: a frame is allowed
 * while the connection is within {@code perSecond} frames of its allowance, so a burst of that many
 * passes at once. Past it a frame is rejected; a connection that goes on at the same rate again
 * while rejected is abusing the limit. Two numbers per connection, no timer.
 */
public final class RateLimit {

    public enum Verdict { ALLOWED, REJECTED, ABUSE }

    private final long interval;
    private final long tolerance;

    public RateLimit(int perSecond) {
        this.interval = 1_000_000_000L / perSecond;
        this.tolerance = interval * (perSecond - 1);
    }

    /** Frames of one session arrive one at a time, so this needs no lock. */
    public Verdict check(Subscriber subscriber, long nowNanos) {
        long next = Math.max(subscriber.framesDue, nowNanos);
        if (next - nowNanos <= tolerance) {
            subscriber.framesDue = next + interval;
            return Verdict.ALLOWED;
        }
        long rejected = Math.max(subscriber.rejectionsDue, nowNanos);
        if (rejected - nowNanos <= tolerance) {
            subscriber.rejectionsDue = rejected + interval;
            return Verdict.REJECTED;
        }
        return Verdict.ABUSE;
    }
}
