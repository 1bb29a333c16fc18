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
import dev.bulletin.store.NotificationStore;
import dev.bulletin.store.StoredNotification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Personal notifications and their read state. Every change to a user's inbox happens while the
 * hub holds that inbox, so a session that connects gets each notification exactly once: in its
 * replay of unread ones or live, never both and never neither. What other nodes enter in an inbox
 * comes in through {@link #receive}, and the hub puts it in order.
 */
public final class Notifications {

    /** Unread notifications replayed to a connecting session, newest kept when there are more. */
    public static final int MAX_REPLAY = 1_000;

    private final NotificationStore store;
    private final Hub hub;
    private final Clock clock;
    private final Set<String> roles;
    private final Duration retention;
    private final Consumer<Announcement> bus;

    /**
     * @param roles     the roles a notification may be addressed to: those checked when a user connects
     * @param retention how long read notifications are kept, and how far back a role's notifications reach a new member
     * @param bus       tells the other nodes of a cluster
     */
    public Notifications(NotificationStore store, Hub hub, Clock clock, Set<String> roles, Duration retention,
                         Consumer<Announcement> bus) {
        this.store = store;
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
        List<String> inboxes = valid.to().users().stream().map(Hub::inbox).toList();
        Notified notified = hub.exclusive(inboxes, () -> {
            Optional<Audience> earlier = publishersId ? store.findById(valid.id()) : Optional.empty();
            if (earlier.isPresent()) {
                return new Notified(valid.id(), earlier.get(), false);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            store.add(valid.toItem(now), valid.to()).forEach(entry -> deliver(entry));
            return new Notified(valid.id(), valid.to(), true);
        });
        if (notified.created()) {
            for (String role : valid.to().roles()) {
                deliverToRole(role);
                bus.accept(new Announcement.RoleNotified(role));
            }
        }
        return notified;
    }

    /** A user's session opened: enters what their roles have for them, replays the unread, then delivers live. */
    public void connect(Subscriber subscriber) {
        String user = subscriber.user();
        List<String> streams = new ArrayList<>();
        streams.add(Hub.inbox(user));
        subscriber.identity().roles().stream().filter(roles::contains).map(Hub::role).forEach(streams::add);
        hub.exclusive(streams, () -> {
            claim(subscriber);
            long delivered = hub.catchUp(Hub.inbox(user), store.last(List.of(user)).get(user), missedAfter(user));
            List<StoredNotification> unread = store.list(user, null, true, MAX_REPLAY).orElseThrow().stream()
                    .filter(entry -> entry.cursor().seq() <= delivered) // later ones come live
                    .toList();
            streams.forEach(stream -> hub.join(subscriber, stream));
            unread.forEach(entry -> hub.send(subscriber, frame(entry, true)));
            return null;
        });
    }

    /** A notification entered in an inbox on another node: delivered here, after any missing before it. */
    public void receive(Hub.Item item) {
        hub.exclusive(List.of(item.stream()), () -> {
            hub.deliver(item, missedAfter(Hub.inboxUser(item.stream())));
            return null;
        });
    }

    /** A user read notifications on another node: their sessions here hear of it. */
    public void receive(Announcement.Read read) {
        hub.exclusive(List.of(Hub.inbox(read.user())), () -> {
            hub.broadcast(Hub.inbox(read.user()), read.frame());
            return null;
        });
    }

    /** Delivers what the store has beyond what this node delivered, in the inboxes of the users connected here. */
    public void catchUp() {
        Map<String, Long> tracked = new HashMap<>();
        hub.tracked().forEach((stream, delivered) -> {
            String user = Hub.inboxUser(stream);
            if (user != null) {
                tracked.put(user, delivered);
            }
        });
        if (tracked.isEmpty()) {
            return;
        }
        store.last(tracked.keySet()).forEach((user, last) -> {
            if (last.seq() > tracked.get(user)) {
                hub.exclusive(List.of(Hub.inbox(user)), () -> hub.catchUp(Hub.inbox(user), last, missedAfter(user)));
            }
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
        hub.exclusive(List.of(Hub.inbox(user)), () -> {
            NotificationStore.MarkResult result = store.markRead(user, ids);
            if (!result.done()) {
                throw new InvalidInput(ErrorCode.NOT_FOUND, "ids", "no notification of yours has the id "
                        + String.join(", ", result.unknown()) + "; nothing was marked read");
            }
            String frame = hub.encode(new ServerFrame.Read(ids));
            hub.broadcast(Hub.inbox(user), frame, acking);
            bus.accept(new Announcement.Read(user, frame));
            return null;
        });
    }

    /** A notification went to the role: its members connected here claim it, and their sessions get it. */
    public void deliverToRole(String role) {
        Map<String, Subscriber> users = new LinkedHashMap<>();
        hub.members(Hub.role(role)).forEach(member -> users.putIfAbsent(member.user(), member));
        users.values().forEach(member -> hub.exclusive(List.of(Hub.inbox(member.user())), () -> {
            claim(member);
            return null;
        }));
    }

    /** Enters the notifications of the subscriber's roles into its user's inbox and delivers them to the sessions there. */
    private void claim(Subscriber subscriber) {
        List<String> checked = subscriber.identity().roles().stream().filter(roles::contains).toList();
        if (!checked.isEmpty()) {
            store.claim(subscriber.user(), checked, retainedSince()).forEach(entry -> deliver(entry));
        }
    }

    /** Delivers a new entry to the sessions here and announces it to the other nodes; under the inbox's lock. */
    private void deliver(StoredNotification entry) {
        Hub.Item item = item(entry);
        hub.deliver(item, missedAfter(entry.user()));
        bus.accept(new Announcement.Delivery(item));
    }

    private Function<Cursor, List<Hub.Item>> missedAfter(String user) {
        return after -> store.list(user, after, false, MAX_REPLAY).orElse(List.of()).stream().map(this::item).toList();
    }

    private Hub.Item item(StoredNotification entry) {
        return new Hub.Item(Hub.inbox(entry.user()), entry.cursor(), hub.encode(frame(entry, false)));
    }

    private static ServerFrame.Notification frame(StoredNotification entry, boolean replay) {
        return new ServerFrame.Notification(entry.cursor().toString(), replay, entry.item());
    }

    /** The outcome of {@link #notify}: {@code created} is false when the id was seen before and nothing was sent. */
    public record Notified(String id, Audience recipients, boolean created) {
    }
}
