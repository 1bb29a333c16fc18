package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.protocol.NotificationItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryNotificationStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final InMemoryNotificationStore store = new InMemoryNotificationStore();

    private static NotificationItem item(String id, Instant createdAt) {
        return new NotificationItem(id, "title " + id, null, null, createdAt, false);
    }

    private List<String> ids(String user, boolean unreadOnly) {
        return store.list(user, null, unreadOnly, 100).orElseThrow().stream().map(e -> e.item().id()).toList();
    }

    @Test
    void cursorsIncreasePerUser() {
        store.add(item("n1", T0), Audience.users("alice", "bob"));
        List<StoredNotification> second = store.add(item("n2", T0), Audience.users("alice"));
        assertEquals(2, second.get(0).cursor().seq());
        assertEquals(1, store.list("bob", null, false, 10).orElseThrow().get(0).cursor().seq());
    }

    @Test
    void markingReadIsAllOrNothing() {
        store.add(item("n1", T0), Audience.users("alice"));
        store.add(item("n2", T0), Audience.users("bob"));
        NotificationStore.MarkResult refused = store.markRead("alice", List.of("n1", "n2"));
        assertEquals(List.of("n2"), refused.unknown());
        assertEquals(List.of("n1"), ids("alice", true), "nothing was marked");
        assertTrue(store.markRead("alice", List.of("n1")).done());
        assertEquals(List.of(), ids("alice", true));
    }

    @Test
    void aRoleNotificationIsClaimedOnceAndOnlyWithinRetention() {
        store.add(item("old", T0), Audience.roles("ops"));
        store.add(item("new", T0.plusSeconds(86_400)), Audience.roles("ops"));
        assertEquals(List.of("new"), store.claim("carol", Set.of("ops"), T0.plusSeconds(1)).stream()
                .map(e -> e.item().id()).toList());
        assertEquals(List.of(), store.claim("carol", Set.of("ops"), T0.plusSeconds(1)), "claimed already");
        assertEquals(List.of(), store.claim("dave", Set.of("dev"), T0), "not in the role");
    }

    @Test
    void purgeForgetsOldReadEntriesAndKeepsUnreadOnes() {
        store.add(item("read", T0), Audience.users("alice"));
        store.add(item("unread", T0), Audience.users("alice"));
        store.markRead("alice", List.of("read"));
        assertEquals(1, store.purge(T0.plusSeconds(1)));
        assertEquals(List.of("unread"), ids("alice", false));
        assertFalse(store.findById("unread").isEmpty());
    }

    @Test
    void aCursorOfAnotherStoreIsNotAnswered() {
        assertTrue(store.list("alice", new Cursor("elsewhere", 1), false, 10).isEmpty());
    }
}
