package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.protocol.NotificationItem;
import dev.bulletin.protocol.StreamId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final InMemoryStore store = new InMemoryStore(3);

    @Test
    void cursorsIncreasePerStreamWhateverItsKind() {
        assertEquals(1, news("a", "1").cursor().seq());
        assertEquals(2, news("a", "2").cursor().seq());
        assertEquals(1, news("b", "1").cursor().seq());
        notify(item("n1"), Audience.users("a", "bob"));
        assertEquals(2, notify(item("n2"), Audience.users("a")).entries().get(0).cursor().seq());
        assertEquals(1, store.list("bob", null, false, 10).orElseThrow().get(0).cursor().seq());
        assertEquals(2, store.last(List.of(StreamId.topic("a"))).get(StreamId.topic("a")).seq(),
                "a topic and an inbox of one name are two streams");
    }

    @Test
    void oneCallAppendsManyInOrder() {
        List<Appended> done = store.append(List.of(newsAppend("a", "1"), newsAppend("b", "1"), newsAppend("a", "2")));
        assertEquals(List.of(1L, 1L, 2L), done.stream().map(appended -> ((Appended.News) appended).news().cursor().seq())
                .toList());
    }

    @Test
    void anIdThePublisherChoseIsWrittenOnce() {
        NewsDraft draft = NewsDraft.of("a", "1").withId("x-1");
        Append.News again = new Append.News("a", draft.validated().toItem(T0), true);
        Appended.News first = (Appended.News) store.append(List.of(again)).get(0);
        Appended.News second = (Appended.News) store.append(List.of(again)).get(0);
        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(first.news(), second.news());
        assertEquals(List.of(), second.entries(), "nothing to deliver");
        Append.Notification notification = new Append.Notification(item("n-1"), Audience.users("alice"), true);
        store.append(List.of(notification));
        Appended.Notification repeated = (Appended.Notification) store.append(List.of(notification)).get(0);
        assertFalse(repeated.created());
        assertEquals(1, store.list("alice", null, false, 10).orElseThrow().size());
    }

    @Test
    void resumesAfterACursorItStillKeeps() {
        StoredNews first = news("a", "1");
        news("a", "2");
        news("a", "3");
        assertEquals(List.of("2", "3"), titles(store.after(StreamId.topic("a"), first.cursor(), 100)));
        assertEquals(List.of(), titles(store.after(StreamId.topic("a"), new Cursor(store.epoch(), 3), 100)));
    }

    @Test
    void refusesCursorsItCannotAnswerWithoutAGap() {
        StoredNews first = news("a", "1");
        for (int i = 2; i <= 5; i++) {
            news("a", String.valueOf(i));
        }
        StreamId a = StreamId.topic("a");
        assertEquals(Optional.empty(), store.after(a, first.cursor(), 100), "item 2 is no longer kept");
        assertEquals(List.of("3", "4", "5"), titles(store.after(a, new Cursor(store.epoch(), 2), 100)));
        assertEquals(Optional.empty(), store.after(a, new Cursor("other", 4), 100), "another epoch");
        assertEquals(Optional.empty(), store.after(a, new Cursor(store.epoch(), 9), 100), "a cursor from the future");
        assertEquals(Optional.of(List.of()), store.after(StreamId.topic("never"), new Cursor(store.epoch(), 0), 100));
    }

    @Test
    void givesTheNewestItemsOldestFirst() {
        for (int i = 1; i <= 3; i++) {
            news("a", String.valueOf(i));
        }
        assertEquals(List.of("2", "3"), store.recent("a", 2).stream().map(n -> n.item().title()).toList());
        assertEquals(List.of(), store.recent("none", 2));
    }

    @Test
    void everyStoreHasItsOwnEpoch() {
        assertNotEquals(store.epoch(), new InMemoryStore(3).epoch());
    }

    @Test
    void parsesAndPrintsCursors() {
        Cursor cursor = new Cursor("e4b1", 42);
        assertEquals(Optional.of(cursor), Cursor.parse(cursor.toString()));
        assertTrue(Cursor.parse("e4b1").isEmpty());
        assertTrue(Cursor.parse("e4b1:x").isEmpty());
        assertTrue(Cursor.parse(":1").isEmpty());
        assertTrue(Cursor.parse("e:-1").isEmpty());
    }

    @Test
    void markingReadIsAllOrNothing() {
        notify(item("n1"), Audience.users("alice"));
        notify(item("n2"), Audience.users("bob"));
        NotificationStore.MarkResult refused = store.markRead("alice", List.of("n1", "n2"));
        assertEquals(List.of("n2"), refused.unknown());
        assertEquals(List.of("n1"), ids("alice", true), "nothing was marked");
        assertTrue(store.markRead("alice", List.of("n1")).done());
        assertEquals(List.of(), ids("alice", true));
        assertTrue(((StoredNotification) store.after(StreamId.inbox("alice"), new Cursor(store.epoch(), 0), 10)
                .orElseThrow().get(0)).item().read(), "an inbox's stream reads the read state as it is now");
    }

    @Test
    void aRoleNotificationIsClaimedOnceAndOnlyWithinRetention() {
        notify(new NotificationItem("old", "t", null, null, T0, false), Audience.roles("ops"));
        notify(new NotificationItem("new", "t", null, null, T0.plusSeconds(86_400), false), Audience.roles("ops"));
        assertEquals(List.of("new"), claim("carol", "ops", T0.plusSeconds(1)));
        assertEquals(List.of(), claim("carol", "ops", T0.plusSeconds(1)), "claimed already");
        assertEquals(List.of(), claim("dave", "dev", T0), "not in the role");
    }

    @Test
    void purgeForgetsOldReadEntriesAndKeepsUnreadOnes() {
        notify(item("read"), Audience.users("alice"));
        notify(item("unread"), Audience.users("alice"));
        store.markRead("alice", List.of("read"));
        assertEquals(1, store.purge(T0.plusSeconds(1)));
        assertEquals(List.of("unread"), ids("alice", false));
    }

    @Test
    void aCursorOfAnotherStoreIsNotAnswered() {
        assertTrue(store.list("alice", new Cursor("elsewhere", 1), false, 10).isEmpty());
    }

    private static Append.News newsAppend(String topic, String title) {
        return new Append.News(topic, NewsDraft.of(topic, title).validated().toItem(T0), false);
    }

    private StoredNews news(String topic, String title) {
        return ((Appended.News) store.append(List.of(newsAppend(topic, title))).get(0)).news();
    }

    private Appended.Notification notify(NotificationItem item, Audience audience) {
        return (Appended.Notification) store.append(List.of(new Append.Notification(item, audience, false))).get(0);
    }

    private List<String> claim(String user, String role, Instant since) {
        Appended.Claimed claimed = (Appended.Claimed) store.append(List.of(new Append.Claim(user, List.of(role), since)))
                .get(0);
        return claimed.entries().stream().map(e -> e.item().id()).toList();
    }

    private static NotificationItem item(String id) {
        return new NotificationItem(id, "title " + id, null, null, T0, false);
    }

    private List<String> ids(String user, boolean unreadOnly) {
        return store.list(user, null, unreadOnly, 100).orElseThrow().stream().map(e -> e.item().id()).toList();
    }

    private static List<String> titles(Optional<List<Entry>> items) {
        return items.orElseThrow().stream().map(n -> ((StoredNews) n).item().title()).toList();
    }
}
