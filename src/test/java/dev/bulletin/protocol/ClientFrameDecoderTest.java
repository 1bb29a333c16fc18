package dev.bulletin.protocol;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientFrameDecoderTest {

    private final ClientFrameDecoder decoder = new ClientFrameDecoder();

    @Test
    void readsASubscribeWithResumeAndRecent() {
        var frame = assertInstanceOf(ClientFrame.Subscribe.class, decoder.decode(
                "{\"type\":\"subscribe\",\"ref\":\"1\",\"topics\":[\"world\",\"tech\"],"
                        + "\"resume\":{\"world\":\"ab:4\"},\"recent\":5}"));
        assertEquals("1", frame.ref());
        assertEquals(List.of("world", "tech"), frame.topics());
        assertEquals(Map.of("world", "ab:4"), frame.resume());
        assertEquals(5, frame.recent());
    }

    @Test
    void readsEveryOtherClientFrame() {
        assertEquals(List.of("world"), assertInstanceOf(ClientFrame.Unsubscribe.class,
                decoder.decode("{\"type\":\"unsubscribe\",\"topics\":[\"world\"]}")).topics());
        assertEquals(List.of("n-1"), assertInstanceOf(ClientFrame.Ack.class,
                decoder.decode("{\"type\":\"ack\",\"ids\":[\"n-1\"]}")).ids());
        assertEquals("p", assertInstanceOf(ClientFrame.Ping.class, decoder.decode("{\"type\":\"ping\",\"ref\":\"p\"}")).ref());
        NewsDraft draft = assertInstanceOf(ClientFrame.Publish.class, decoder.decode(
                "{\"type\":\"publish\",\"topic\":\"world\",\"item\":{\"title\":\"Quake\",\"tags\":[\"geo\"]}}")).draft();
        assertEquals("world", draft.topic());
        assertEquals("Quake", draft.title());
        assertEquals(List.of("geo"), draft.tags());
    }

    @Test
    void anUnknownTypeKeepsTheRef() {
        var invalid = assertInstanceOf(ClientFrame.Invalid.class, decoder.decode("{\"type\":\"subscrib\",\"ref\":\"9\"}"));
        assertEquals("9", invalid.ref());
        assertEquals(ErrorCode.UNKNOWN_TYPE, invalid.problem().code());
        assertEquals("type 'subscrib' is not a client frame; expected subscribe, unsubscribe, ack, ping or publish",
                invalid.problem().getMessage());
    }

    @Test
    void badInputBecomesAnInvalidFrameWithItsCode() {
        assertProblem("{", ErrorCode.BAD_REQUEST, null);
        assertProblem("\"text\"", ErrorCode.BAD_REQUEST, null);
        assertProblem("{\"type\":7}", ErrorCode.BAD_REQUEST, "type");
        assertProblem("{\"type\":\"ping\",\"ref\":\"" + "r".repeat(65) + "\"}", ErrorCode.BAD_REQUEST, "ref");
        assertProblem("{\"type\":\"subscribe\",\"topics\":[]}", ErrorCode.BAD_REQUEST, "topics");
        assertProblem("{\"type\":\"subscribe\",\"topics\":[1]}", ErrorCode.BAD_REQUEST, "topics");
        assertProblem("{\"type\":\"subscribe\",\"topics\":[\"a*\"]}", ErrorCode.BAD_TOPIC, "topics");
        assertProblem("{\"type\":\"subscribe\",\"topics\":[\"a\"],\"resume\":{\"a\":3}}", ErrorCode.BAD_REQUEST, "resume");
        assertProblem("{\"type\":\"subscribe\",\"topics\":[\"a\"],\"recent\":-1}", ErrorCode.BAD_REQUEST, "recent");
        assertProblem("{\"type\":\"subscribe\",\"topics\":[\"a\"],\"recent\":1.5}", ErrorCode.BAD_REQUEST, "recent");
        assertProblem("{\"type\":\"publish\",\"topic\":\"a\"}", ErrorCode.BAD_REQUEST, "item");
        assertProblem("{\"type\":\"publish\",\"topic\":\"a\",\"item\":{\"tags\":3}}", ErrorCode.BAD_REQUEST, "item");
    }

    @Test
    void countsTheLimitInUtf8Bytes() {
        String fits = "{\"type\":\"ping\",\"ref\":\"" + "é".repeat(30_000) + "\"}";
        assertInstanceOf(ClientFrame.Invalid.class, decoder.decode(fits), "60,024 bytes: decoded (ref too long)");
        String over = "{\"type\":\"ping\",\"ref\":\"" + "é".repeat(32_760) + "\"}";
        assertEquals(65_544, assertInstanceOf(ClientFrame.TooBig.class, decoder.decode(over)).bytes());
    }

    @Test
    void aRefThatIsNotAStringIsNotEchoed() {
        var invalid = assertInstanceOf(ClientFrame.Invalid.class, decoder.decode("{\"type\":\"ping\",\"ref\":5}"));
        assertNull(invalid.ref());
    }

    private void assertProblem(String text, String code, String field) {
        var invalid = assertInstanceOf(ClientFrame.Invalid.class, decoder.decode(text), text);
        assertEquals(code, invalid.problem().code(), text);
        assertEquals(field, invalid.problem().field(), text);
    }
}
