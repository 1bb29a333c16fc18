package dev.bulletin.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class FrameAssemblerTest {

    private final FrameAssembler assembler = new FrameAssembler();

    @Test
    void joinsThePartsOfAMessage() {
        assertNull(assembler.add("{\"type\":\"pi", false));
        assertNull(assembler.add("ng\",\"ref\"", false));
        assertEquals(new ClientFrame.Ping("7"), assembler.add(":\"7\"}", true));
        assertEquals(new ClientFrame.Ping("8"), assembler.add("{\"type\":\"ping\",\"ref\":\"8\"}", true), "starts over");
    }

    @Test
    void refusesAMessageAsSoonAsItPassesTheLimitAndDropsTheRestOfIt() {
        String part = "x".repeat(16_384);
        for (int i = 0; i < 4; i++) {
            assertNull(assembler.add(part, false), "64 KiB is within the limit");
        }
        assertEquals(65_537, assertInstanceOf(ClientFrame.TooBig.class, assembler.add("x", false)).bytes());
        assertNull(assembler.add(part, false), "the rest of that message is dropped, not held");
        assertNull(assembler.add(part, true));
        assertEquals(new ClientFrame.Ping(null), assembler.add("{\"type\":\"ping\"}", true), "the next one is read");
    }

    @Test
    void countsBytesAsUtf8Does() {
        for (String text : new String[]{"ascii", "\u00e9t\u00e9", "\u4e16\u754c", "\ud83c\udf0b volcano", ""}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, FrameAssembler.utf8Length(text), text);
        }
    }
}
