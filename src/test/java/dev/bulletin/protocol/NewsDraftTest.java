package dev.bulletin.protocol;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NewsDraftTest {

    @Test
    void fillsInTheDefaults() {
        NewsDraft valid = NewsDraft.of("world", "Quake").validated();
        assertEquals("normal", valid.priority());
        assertEquals(List.of(), valid.tags());
        assertNotNull(valid.id());
    }

    @Test
    void keepsTheIdempotencyKey() {
        assertEquals("order-7", NewsDraft.of("world", "Quake").withId("order-7").validated().id());
    }

    @Test
    void namesTheFieldAtFault() {
        assertField("topic", new NewsDraft(null, "t", null, null, null, null, null));
        assertField("topic", NewsDraft.of("../x", "t"));
        assertField("title", NewsDraft.of("world", " "));
        assertField("title", NewsDraft.of("world", "t".repeat(301)));
        assertField("summary", new NewsDraft("world", "t", "s".repeat(4_001), null, null, null, null));
        assertField("url", new NewsDraft("world", "t", null, "ftp://example.org/x", null, null, null));
        assertField("url", new NewsDraft("world", "t", null, "/relative", null, null, null));
        assertField("url", new NewsDraft("world", "t", null, "http://exa mple.org", null, null, null));
        assertField("priority", new NewsDraft("world", "t", null, null, "critical", null, null));
        assertField("tags", new NewsDraft("world", "t", null, null, null, Collections.nCopies(21, "x"), null));
        assertField("tags", new NewsDraft("world", "t", null, null, null, List.of(""), null));
        assertField("id", NewsDraft.of("world", "t").withId("has space"));
    }

    @Test
    void acceptsTheLimitsExactly() {
        new NewsDraft("world", "t".repeat(300), "s".repeat(4_000), "https://example.org/a?b=c", "urgent",
                Collections.nCopies(20, "x"), "k".repeat(64)).validated();
    }

    @Test
    void refusesWhatNoDatabaseCanKeep() {
        assertField("title", NewsDraft.of("world", "nul\u0000here"));
        assertField("summary", new NewsDraft("world", "t", "a\u0000", null, null, null, null));
        assertField("title", NewsDraft.of("world", "lone \ud800 high"));
        assertField("title", NewsDraft.of("world", "lone \udc00 low"));
        assertField("title", NewsDraft.of("world", "ends high \ud83d"));
        assertField("tags", new NewsDraft("world", "t", null, null, null, List.of("a\u0000"), null));
        assertField("tags", new NewsDraft("world", "t", null, null, null,
                Collections.nCopies(20, "\"".repeat(64)), null)); // within the counts, over the column once escaped
    }

    @Test
    void keepsEveryRealCharacterAsWritten() {
        String title = "Quake \ud83c\udf0b <b>x</b> \u0007 \u00e9\u4e16";
        assertEquals(title, NewsDraft.of("world", title).validated().title());
        new NewsDraft("world", "t", null, null, null, Collections.nCopies(20, "\"".repeat(30)), null).validated();
    }

    private static void assertField(String field, NewsDraft draft) {
        InvalidInput e = assertThrows(InvalidInput.class, draft::validated, draft.toString());
        assertEquals(field, e.field(), e.getMessage());
    }
}
