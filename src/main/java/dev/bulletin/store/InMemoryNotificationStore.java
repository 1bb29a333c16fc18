package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.protocol.NotificationItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every inbox in memory, for tests and for embedding without a database; one monitor guards it all. */
public class InMemoryNotificationStore implements NotificationStore {

    private final String epoch = Cursor.newEpoch();
    private final Map<String, Stored> notifications = new LinkedHashMap<>();
    private final Map<String, Inbox> inboxes = new HashMap<>();

    @Override
    public synchronized List<StoredNotification> add(NotificationItem item, Audience audience) {
        Stored stored = new Stored(item, audience);
        notifications.put(item.id(), stored);
        return audience.users().stream().map(user -> inbox(user).enter(stored)).toList();
    }

    @Override
    public synchronized Optional<Audience> findById(String id) {
        return Optional.ofNullable(notifications.get(id)).map(Stored::audience);
    }

    @Override
    public synchronized List<StoredNotification> claim(String user, Collection<String> roles, Instant since) {
        Inbox inbox = inbox(user);
        List<StoredNotification> claimed = new ArrayList<>();
        for (Stored stored : notifications.values()) {
            boolean addressed = stored.audience().roles().stream().anyMatch(roles::contains);
            if (addressed && !stored.item().createdAt().isBefore(since) && !inbox.holds(stored.item().id())) {
                claimed.add(inbox.enter(stored));
            }
        }
        return claimed;
    }

    @Override
    public synchronized Optional<List<StoredNotification>> list(String user, Cursor after, boolean unreadOnly,
                                                                int limit) {
        if (after != null && !epoch.equals(after.epoch())) {
            return Optional.empty();
        }
        List<StoredNotification> entries = inbox(user).entries.values().stream()
                .filter(e -> after == null || e.cursor().seq() > after.seq())
                .filter(e -> !unreadOnly || !e.item().read())
                .toList();
        int from = after == null ? Math.max(0, entries.size() - limit) : 0;
        return Optional.of(List.copyOf(entries.subList(from, Math.min(entries.size(), from + limit))));
    }

    @Override
    public synchronized Map<String, Cursor> last(Collection<String> users) {
        Map<String, Cursor> last = new HashMap<>();
        for (String user : users) {
            Inbox inbox = inboxes.get(user);
            last.put(user, new Cursor(epoch, inbox == null ? 0 : inbox.lastSeq));
        }
        return last;
    }

    @Override
    public synchronized MarkResult markRead(String user, Collection<String> ids) {
        Inbox inbox = inbox(user);
        List<String> unknown = ids.stream().filter(id -> !inbox.holds(id)).distinct().toList();
        if (unknown.isEmpty()) {
            ids.forEach(inbox::markRead);
        }
        return new MarkResult(unknown);
    }

    @Override
    public synchronized int purge(Instant before) {
        int purged = 0;
        for (Inbox inbox : inboxes.values()) {
            purged += inbox.purge(before);
        }
        notifications.values().removeIf(stored -> stored.item().createdAt().isBefore(before)
                && inboxes.values().stream().noneMatch(inbox -> inbox.holds(stored.item().id())));
        return purged;
    }

    private Inbox inbox(String user) {
        return inboxes.computeIfAbsent(user, Inbox::new);
    }

    private record Stored(NotificationItem item, Audience audience) {
    }

    private final class Inbox {
        final String user;
        final Map<String, StoredNotification> entries = new LinkedHashMap<>();
        long lastSeq;

        Inbox(String user) {
            this.user = user;
        }

        StoredNotification enter(Stored stored) {
            StoredNotification entry = new StoredNotification(user, new Cursor(epoch, ++lastSeq), stored.item());
            entries.put(stored.item().id(), entry);
            return entry;
        }

        boolean holds(String id) {
            return entries.containsKey(id);
        }

        void markRead(String id) {
            entries.computeIfPresent(id, (key, e) -> new StoredNotification(user, e.cursor(), e.item().asRead()));
        }

        int purge(Instant before) {
            int size = entries.size();
            entries.values().removeIf(e -> e.item().read() && e.item().createdAt().isBefore(before));
            return size - entries.size();
        }
    }
}
