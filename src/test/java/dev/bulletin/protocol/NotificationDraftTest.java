package dev.bulletin.protocol;

import dev.bulletin.protocol.NotificationDraft.Audience;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationDraftTest {

    private static String fieldAtFault(NotificationDraft draft) {
        return assertThrows(InvalidInput.class, draft::validated).field();
    }

    @Test
    void namesTheFieldAtFault() {
        assertEquals("to", fieldAtFault(new NotificationDraft(null, "t", null, null, null)));
        assertEquals("to", fieldAtFault(NotificationDraft.of(new Audience(List.of(), List.of()), "t")));
        assertEquals("to.users", fieldAtFault(NotificationDraft.of(Audience.users(""), "t")));
        assertEquals("title", fieldAtFault(NotificationDraft.of(Audience.users("alice"), " ")));
        assertEquals("body", fieldAtFault(new NotificationDraft(Audience.users("alice"), "t", "x".repeat(4_001),
                null, null)));
        assertEquals("id", fieldAtFault(NotificationDraft.of(Audience.users("alice"), "t").withId("no spaces")));
    }

    @Test
    void refusesWhatNoDatabaseCanKeep() {
        assertEquals("body", fieldAtFault(new NotificationDraft(Audience.users("alice"), "t", "a\u0000b", null, null)));
        assertEquals("category", fieldAtFault(new NotificationDraft(Audience.users("alice"), "t", null, "\udfff", null)));
        assertEquals("to.users", fieldAtFault(NotificationDraft.of(Audience.users("al\u0000ice"), "t")));
        assertEquals("to.roles", fieldAtFault(NotificationDraft.of(Audience.roles("\ud800"), "t")));
    }

    @Test
    void fillsAnIdAndDropsRepeatedNames() {
        NotificationDraft valid = NotificationDraft.of(new Audience(List.of("alice", "alice"), null), "t").validated();
        assertTrue(valid.id().startsWith("n-"));
        assertEquals(List.of("alice"), valid.to().users());
        assertEquals(List.of(), valid.to().roles());
    }
}
