package dev.bulletin;

import dev.bulletin.bus.Announcement;
import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.ErrorCode;
import dev.bulletin.protocol.InvalidInput;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.protocol.ServerFrame;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.NotificationStore;
import dev.bulletin.stream.Sequencer;
import dev.bulletin.store.StoredNotification;
import dev.bulletin.protocol.EncodedFrame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Personal notifications and their read state. A notification goes through the {@link Sequencer},
 * which stores it in each named user's inbox, delivers and announces it. A notification to a role is
 * stored once; each member connected anywhere claims it into their inbox in the background, grouped
 * with other appends, and a member who connects later claims it then. A session that connects joins
 * its inbox while it holds it, cutting its replay of unread ones where live delivery stands, so it
 * gets each notification exactly once: in its replay or live, never both and never neither.
 */
public final class Notifications {

    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

    private final NotificationStore store;
    private final Sequencer sequencer;
    private final Hub hub;
    private final Clock clock;
    private final Set<String> roles;
    private final Duration retention;
    private final Consumer<Announcement> bus;
    // users with a claim pending, and whether another must follow it (a role notified them meanwhile)
    private final Map<String, Boolean> claiming = new ConcurrentHashMap<>();

    /**
     * @param roles     the roles a notification may be addressed to: those checked when a user connects
     * @param retention how long read notifications are kept, and how far back a role's notifications reach a new member
     * @param bus       tells the other nodes of a cluster
     */
    public Notifications(NotificationStore store, Sequencer sequencer, Hub hub, Clock clock, Set<String> roles,
                         Duration retention, Consumer<Announcement> bus) {
        this.store = store;
        this.sequencer = sequencer;
        this.hub = hub;
        this.clock = clock;
        this.roles = Set.copyOf(roles);
        this.retention = retention;
        this.bus = bus;
    }

    /** Validates and stores; named users and connected members of the roles get it now, others when they connect. */
    public Notified notify(NotificationDraft draft) {
        return notify(accepted(draft), draft.id() != null);
    }

    /** The draft validated, with its roles checked against {@code bulletin.roles}: what {@link #notify} would refuse. */
    public NotificationDraft accepted(NotificationDraft draft) {
        NotificationDraft valid = draft.validated();
        for (String role : valid.to().roles()) {
            if (!roles.contains(role)) {
                throw InvalidInput.badRequest("to.roles", "role '" + role + "' is not one Bulletin checks at connect;"
                        + " add it to the setting bulletin.roles (now " + roles + ")");
            }
        }
        return valid;
    }

    /**
     * Stores and sends a draft {@link #accepted} earlier. {@code publishersId} says whether its id came
     * from the publisher: only such an id can have been stored before, so only then is it looked up.
     */
    public Notified notify(NotificationDraft valid, boolean publishersId) {
        return sent(valid, sequencer.append(append(valid, publishersId)));
    }

    /**
     * Queues a draft accepted earlier, whose id may have been sent before; once it completes, {@link #sent}
     * finishes what {@link #notify} does.
     */
    public CompletableFuture<Appended.Notification> submit(NotificationDraft valid) {
        return sequencer.submit(append(valid, true));
    }

    /** A stored notification's roles: their members connected anywhere claim it. */
    public Notified sent(NotificationDraft valid, Appended.Notification done) {
        if (done.created()) {
            for (String role : valid.to().roles()) {
                deliverToRole(role);
                bus.accept(new Announcement.RoleNotified(role));
            }
        }
        return new Notified(valid.id(), done.recipients(), done.created());
    }

    private Append.Notification append(NotificationDraft valid, boolean publishersId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new Append.Notification(valid.toItem(now), valid.to(), publishersId);
    }

    /**
     * A user's session opened: it joins its roles, so that a role's notification from now on reaches
     * it; claims what its roles have for it; then, holding its inbox, replays the unread and joins.
     */
    public void connect(Subscriber subscriber) {
        List<String> checked = checkedRoles(subscriber);
        List<StreamId> groups = checked.stream().map(StreamId::role).toList();
        hub.exclusive(groups, () -> {
            groups.forEach(group -> hub.join(subscriber, group));
            return null;
        });
        if (!checked.isEmpty()) {
            sequencer.append(new Append.Claim(subscriber.user(), checked, retainedSince()));
        }
        StreamId inbox = StreamId.inbox(subscriber.user());
        hub.exclusive(List.of(inbox), () -> {
            long delivered = sequencer.catchUp(inbox);
            List<StoredNotification> unread = store.list(subscriber.user(), null, true, Protocol.MAX_REPLAY)
                    .orElseThrow().stream()
                    .filter(entry -> entry.cursor().seq() <= delivered) // later ones come live
                    .toList();
            hub.join(subscriber, inbox);
            unread.forEach(entry -> hub.send(subscriber, Sequencer.frame(entry, true)));
            return null;
        });
    }

    /** A user read notifications on another node: their sessions here hear of it. */
    public void receive(Announcement.Read read) {
        StreamId inbox = StreamId.inbox(read.user());
        hub.exclusive(List.of(inbox), () -> {
            hub.broadcast(inbox, read.frame());
            return null;
        });
    }

    /** Marks the ids read for the acking session, and tells the user's other sessions. */
    public void ack(Subscriber subscriber, String ref, List<String> ids) {
        markRead(subscriber.user(), ids, subscriber);
        hub.send(subscriber, new ServerFrame.Acked(ref, ids));
    }

    /** Marks the ids read and tells every open session of the user; not-found when any id is not theirs. */
    public void markRead(String user, List<String> ids) {
        markRead(user, ids, null);
    }

    /** The user's own notifications, oldest first; empty when {@code after} is of another store's life. */
    public Optional<List<StoredNotification>> list(String user, String after, boolean unreadOnly, int limit) {
        if (after == null) {
            return store.list(user, null, unreadOnly, limit);
        }
        return Cursor.parse(after).flatMap(cursor -> store.list(user, cursor, unreadOnly, limit));
    }

    /** The oldest creation time still kept for read notifications. */
    public Instant retainedSince() {
        return clock.instant().minus(retention);
    }

    public int purge() {
        return store.purge(retainedSince());
    }

    private void markRead(String user, List<String> ids, Subscriber acking) {
        if (ids.isEmpty()) {
            throw InvalidInput.badRequest("ids", "ids must name at least one notification");
        }
        if (ids.stream().anyMatch(id -> id == null || !Protocol.isId(id))) {
            throw InvalidInput.badRequest("ids", "each id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        StreamId inbox = StreamId.inbox(user);
        hub.exclusive(List.of(inbox), () -> {
            NotificationStore.MarkResult result = store.markRead(user, ids);
            if (!result.done()) {
                throw new InvalidInput(ErrorCode.NOT_FOUND, "ids", "no notification of yours has the id "
                        + String.join(", ", result.unknown()) + "; nothing was marked read");
            }
            EncodedFrame frame = hub.encode(new ServerFrame.Read(ids));
            hub.broadcast(inbox, frame, acking);
            bus.accept(new Announcement.Read(user, frame));
            return null;
        });
    }

    /**
     * A notification went to the role: each of its members connected here claims it, in the
     * background, and their sessions get it as the claim commits. Claims are grouped with other
     * appends, so a role of thousands costs a few transactions, none of them the publisher's.
     */
    public void deliverToRole(String role) {
        Map<String, Subscriber> members = new LinkedHashMap<>();
        hub.members(StreamId.role(role)).forEach(member -> members.putIfAbsent(member.user(), member));
        members.values().forEach(this::claimFor);
    }

    /**
     * Claims a connected member's role notifications, unless a claim of theirs is pending: then one
     * more follows it, for what that one may have missed. So a burst of a role's notifications
     * costs each member one or two claims, not one each.
     */
    private void claimFor(Subscriber member) {
        if (claiming.compute(member.user(), (user, again) -> again != null) == Boolean.FALSE) {
            submitClaim(member);
        }
    }

    private void submitClaim(Subscriber member) {
        sequencer.submit(new Append.Claim(member.user(), checkedRoles(member), retainedSince()))
                .whenComplete((claimed, failure) -> {
                    if (failure != null) {
                        // the store's outage is logged as a whole; the member gets it at its next connect
                        LOG.log(System.Logger.Level.DEBUG, "Claiming role notifications for {0} failed: {1}",
                                member.user(), failure.toString());
                    }
                    if (claiming.compute(member.user(), (user, again) -> again ? Boolean.FALSE : null) != null) {
                        submitClaim(member);
                    }
                });
    }

    /** The subscriber's roles that Bulletin checks ({@code bulletin.roles}). */
    private List<String> checkedRoles(Subscriber subscriber) {
        return subscriber.identity().roles().stream().filter(roles::contains).sorted().toList();
    }

    /** The outcome of {@link #notify}: {@code created} is false when the id was seen before and nothing was sent. */
    public record Notified(String id, Audience recipients, boolean created) {
    }
}
