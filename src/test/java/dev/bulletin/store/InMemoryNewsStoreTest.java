package dev.bulletin.store;

import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NewsItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryNewsStoreTest {

    private final InMemoryNewsStore store = new InMemoryNewsStore(3);

    private StoredNews append(String topic, String title) {
        NewsItem item = NewsDraft.of(topic, title).validated().toItem(Instant.EPOCH);
        return store.append(topic, item);
    }

    @Test
    void cursorsIncreasePerTopic() {
        assertEquals(1, append("a", "1").cursor().seq());
        assertEquals(2, append("a", "2").cursor().seq());
        assertEquals(1, append("b", "1").cursor().seq());
    }

    @Test
    void resumesAfterACursorItStillKeeps() {
        StoredNews first = append("a", "1");
        append("a", "2");
        append("a", "3");
        assertEquals(List.of("2", "3"), titles(store.after("a", first.cursor(), 100)));
        assertEquals(List.of(), titles(store.after("a", new Cursor(store.epoch(), 3), 100)));
    }

    @Test
    void refusesCursorsItCannotAnswerWithoutAGap() {
        StoredNews first = append("a", "1");
        for (int i = 2; i <= 5; i++) {
            append("a", String.valueOf(i));
        }
        assertEquals(Optional.empty(), store.after("a", first.cursor(), 100), "item 2 is no longer kept");
        assertEquals(List.of("3", "4", "5"), titles(store.after("a", new Cursor(store.epoch(), 2), 100)));
        assertEquals(Optional.empty(), store.after("a", new Cursor("other", 4), 100), "another epoch");
        assertEquals(Optional.empty(), store.after("a", new Cursor(store.epoch(), 9), 100), "a cursor from the future");
        assertEquals(Optional.of(List.of()), store.after("never", new Cursor(store.epoch(), 0), 100));
    }

    @Test
    void findsByIdWhileKept() {
        StoredNews first = append("a", "1");
        assertEquals(Optional.of(first), store.findById(first.item().id()));
        for (int i = 2; i <= 4; i++) {
            append("a", String.valueOf(i));
        }
        assertEquals(Optional.empty(), store.findById(first.item().id()));
    }

    @Test
    void givesTheNewestItemsOldestFirst() {
        for (int i = 1; i <= 3; i++) {
            append("a", String.valueOf(i));
        }
        assertEquals(List.of("2", "3"), store.recent("a", 2).stream().map(n -> n.item().title()).toList());
        assertEquals(List.of(), store.recent("none", 2));
    }

    @Test
    void everyStoreHasItsOwnEpoch() {
        assertNotEquals(store.epoch(), new InMemoryNewsStore(3).epoch());
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

    private static List<String> titles(Optional<List<StoredNews>> items) {
        return items.orElseThrow().stream().map(n -> n.item().title()).toList();
    }
}
