package dev.bulletin.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What a hostile client writes inside well-formed frames: each gets the documented error, or is read as data. */
class HostileInputTest {

    private final ClientFrameDecoder decoder = new ClientFrameDecoder();

    @Test
    void tenThousandDeepNestingIsABadRequestNotAStackOverflow() {
        assertProblem("[".repeat(10_000) + "]".repeat(10_000), ErrorCode.BAD_REQUEST, null);
        assertProblem("{\"type\":\"ping\",\"x\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}",
                ErrorCode.BAD_REQUEST, null);
    }

    @Test
    void hugeNumbersAreRefusedWithoutBeingExpanded() {
        assertProblem("{\"type\":\"subscribe\",\"topics\":[\"a\"],\"recent\":1e999999999}", ErrorCode.BAD_REQUEST, "recent");
        assertProblem("{\"type\":\"subscribe\",\"topics\":[\"a\"],\"recent\":" + "9".repeat(5_000) + "}",
                ErrorCode.BAD_REQUEST, null); // the parser itself refuses numbers of over 1,100 digits
        assertProblem("{\"type\":\"subscribe\",\"topics\":[\"a\"],\"recent\":-1e-999999999}", ErrorCode.BAD_REQUEST,
                "recent");
    }

    @Test
    void aDuplicateKeyIsABadRequest() {
        assertProblem("{\"type\":\"ping\",\"type\":\"publish\"}", ErrorCode.BAD_REQUEST, null);
        assertProblem("{\"type\":\"subscribe\",\"topics\":[\"a\"],\"topics\":[\"b\"]}", ErrorCode.BAD_REQUEST, null);
    }

    @Test
    void unknownFieldsAreIgnoredForwardCompatibly() {
        ClientFrame frame = decoder.decode("{\"type\":\"ping\",\"ref\":\"1\",\"compress\":true,\"v\":{\"x\":[1,2]}}");
        assertEquals(new ClientFrame.Ping("1"), frame);
    }

    @Test
    void wrongTypesNameTheirField() {
        assertProblem("{\"type\":\"subscribe\",\"topics\":\"world\"}", ErrorCode.BAD_REQUEST, "topics");
        assertProblem("{\"type\":\"ack\",\"ids\":{\"0\":\"n-1\"}}", ErrorCode.BAD_REQUEST, "ids");
        assertProblem("{\"type\":\"ping\",\"ref\":null,\"type\":null}", ErrorCode.BAD_REQUEST, null);
        assertProblem("{\"type\":[\"ping\"]}", ErrorCode.BAD_REQUEST, "type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "world.*", "#", "+", "../etc", "a/b", "..", "a b", "Ü", "world\u0000", ""})
    void topicNamesWithWildcardsOrPathsAreBadTopics(String topic) {
        String json = Codec.JSON.createObjectBuilder().add("type", "subscribe")
                .add("topics", Codec.JSON.createArrayBuilder().add(topic)).build().toString();
        assertProblem(json, ErrorCode.BAD_TOPIC, "topics");
    }

    @Test
    void scriptAndControlCharactersInATitleAreDataAndComeBackAsWritten() {
        String title = "<script>alert('x')</script>\u0001\u0007\u001b[31m\u202e\"\\";
        String json = Codec.JSON.createObjectBuilder().add("type", "publish").add("topic", "world")
                .add("item", Codec.JSON.createObjectBuilder().add("title", title)).build().toString();
        ClientFrame.Publish publish = assertInstanceOf(ClientFrame.Publish.class, decoder.decode(json));
        NewsItem item = publish.draft().validated().toItem(java.time.Instant.EPOCH);
        String frame = new ServerFrameEncoder().encode(new ServerFrame.News("world", "e:1", false, item));
        assertEquals(List.of(title), List.of(Codec.JSON.createReader(new java.io.StringReader(frame)).readObject()
                .getJsonObject("item").getString("title")), "the encoded frame carries the title unchanged");
    }

    private void assertProblem(String text, String code, String field) {
        var invalid = assertInstanceOf(ClientFrame.Invalid.class, decoder.decode(text), text.length() > 200
                ? text.substring(0, 200) : text);
        assertEquals(code, invalid.problem().code());
        assertEquals(field, invalid.problem().field());
    }
}
