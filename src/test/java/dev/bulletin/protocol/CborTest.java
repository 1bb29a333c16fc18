package dev.bulletin.protocol;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bulletin.v1.cbor}: the frames of {@code bulletin.v1.json} as CBOR, both ways, and what it refuses. */
class CborTest {

    private static final HexFormat HEX = HexFormat.of();

    private final ServerFrameEncoder json = new ServerFrameEncoder();
    private final ServerFrameCborEncoder cbor = new ServerFrameCborEncoder();
    private final ClientFrameDecoder jsonDecoder = new ClientFrameDecoder();
    private final ClientFrameCborDecoder cborDecoder = new ClientFrameCborDecoder();

    @Test
    void everyServerFrameIsTheMapOfItsJson() {
        NewsItem news = new NewsItem("0b9e", "Quake", "M5.1 \u00e9", "https://example.org/q", "high", List.of("geo"),
                Instant.parse("2026-12-06T09:30:00Z"));
        NotificationItem note = new NotificationItem("n-1", "Invoice paid", "\u20ac12", null, Instant.parse("2026-12-06T09:30:00Z"), false);
        List<ServerFrame> frames = List.of(
                new ServerFrame.Welcome(Protocol.V1_CBOR, "s1", null, 30_000, new ServerFrame.Limits(65_536, 100)),
                new ServerFrame.Subscribed("1", List.of("world"), Map.of("world", true)),
                new ServerFrame.Unsubscribed("2", List.of("world")),
                new ServerFrame.Pong("3", "2026-12-06T09:30:00Z"),
                new ServerFrame.Published("4", "0b9e", "world", "e4b1:42"),
                new ServerFrame.News("world", "e4b1:42", false, news),
                new ServerFrame.Notification("e4b1:7", true, note),
                new ServerFrame.Acked("5", List.of("n-1")),
                new ServerFrame.Read(List.of("n-1")),
                new ServerFrame.Error("6", ErrorCode.BAD_TOPIC, "topic 'A' does not match"));
        for (ServerFrame frame : frames) {
            ByteBuffer bytes = cbor.encode(frame);
            int head = bytes.get(0) & 0xff;
            assertTrue(head >= 0xa0 && head <= 0xb7, "a map of definite length: " + Integer.toHexString(head));
            assertEquals(read(json.encode(frame)), Cbor.toJson(bytes), frame.toString());
        }
    }

    /** Every sample of docs/PROTOCOL.md: the server writes those bytes, and they read as their JSON. */
    @Test
    void theDocumentedSamplesAreWhatTheServerWritesAndReads() throws IOException {
        Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\| `(\\{.*})` \\| `([0-9a-f]+)` \\|$")
                .matcher(Files.readString(Path.of("docs/PROTOCOL.md")));
        List<String> types = new ArrayList<>();
        while (row.find()) {
            String type = row.group(1);
            String sample = row.group(2);
            types.add(type);
            assertEquals(type, read(sample).getString("type"));
            assertEquals(row.group(3), HEX.formatHex(Cbor.fromJson(sample)), type);
            assertEquals(read(sample), Cbor.toJson(ByteBuffer.wrap(HEX.parseHex(row.group(3)))), type);
        }
        assertEquals(List.of("subscribe", "unsubscribe", "ack", "ping", "publish", "welcome", "subscribed", "unsubscribed",
                "pong", "published", "news", "notification", "acked", "read", "error"), types, "one sample per frame type");
    }

    @Test
    void writesIntegersInTheirShortestForm() {
        // heartbeat 30000 is 0x19 7530, after the key's text string
        assertTrue(HEX.formatHex(cbor.encode(new ServerFrame.Welcome(Protocol.V1_CBOR, "s", null, 30_000,
                new ServerFrame.Limits(65_536, 100))).array()).contains("69686561727462656174" + "197530"));
    }

    @Test
    void anEncodedFrameMakesItsCborOnceAndGivesEachSendItsOwnView() {
        EncodedFrame frame = new EncodedFrame(json.encode(new ServerFrame.Pong("7", "now")));
        ByteBuffer first = frame.cbor();
        first.get(new byte[first.remaining()]);
        ByteBuffer second = frame.cbor();
        assertEquals(0, second.position(), "a send that read its view leaves the next one whole");
        assertTrue(second.hasArray(), "a heap buffer, which Open Liberty needs");
        assertArrayEquals(cbor.encode(new ServerFrame.Pong("7", "now")).array(), bytes(second));
        Object made = backing(frame);
        assertNotNull(made, "the bytes are kept");
        frame.cbor();
        assertSame(made, backing(frame), "and made once");
    }

    @Test
    void everyClientFrameReadsAsItsJsonDoes() {
        for (String text : List.of(
                "{\"type\":\"subscribe\",\"ref\":\"1\",\"topics\":[\"world\"],\"resume\":{\"world\":\"e4b1:42\"},\"recent\":5}",
                "{\"type\":\"unsubscribe\",\"topics\":[\"world\"]}",
                "{\"type\":\"ack\",\"ref\":\"2\",\"ids\":[\"n-1\"]}",
                "{\"type\":\"ping\",\"ref\":\"3\"}",
                "{\"type\":\"publish\",\"ref\":\"4\",\"topic\":\"world\",\"item\":{\"title\":\"Quake\",\"tags\":[\"geo\"]}}",
                "{\"type\":\"subscribe\",\"topics\":[\"NOT A TOPIC\"]}",
                "{\"type\":\"dance\"}")) {
            ClientFrame fromJson = jsonDecoder.decode(text);
            ClientFrame fromCbor = cborDecoder.decode(ByteBuffer.wrap(Cbor.fromJson(text)));
            if (fromJson instanceof ClientFrame.Invalid invalid) {
                ClientFrame.Invalid same = assertInstanceOf(ClientFrame.Invalid.class, fromCbor, text);
                assertEquals(invalid.problem().code(), same.problem().code());
                assertEquals(invalid.problem().getMessage(), same.problem().getMessage());
            } else {
                assertEquals(fromJson, fromCbor, text);
            }
        }
    }

    @Test
    void readsIndefiniteLengthsAndFloatsThatAreWhole() {
        // {_ "type": "subscribe", "topics": [_ "world"], "recent": 5.0}
        ClientFrame.Subscribe subscribe = assertInstanceOf(ClientFrame.Subscribe.class, decode(
                "bf6474797065697375627363726962656674"
                + "6f706963739f65776f726c64ff66726563656e74f94500ff"));
        assertEquals(List.of("world"), subscribe.topics());
        assertEquals(5, subscribe.recent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not well-formed: cut short            | a264747970656470696e67637265",
        "not a map                             | 8164706f6e67",
        "a repeated key                        | a2647479706564706f6e6764747970656361636b",
        "data after the frame                  | a1647479706564706f6e6701",
        "a byte string                         | a264747970656470696e676372656643010203",
        "a tag: an RFC 3339 date               | a264747970656470696e6763726566c0613f",
        "an unknown tag                        | a264747970656470696e6763726566d903e76178",
        "undefined                             | a264747970656470696e6763726566f7",
        "a simple value                        | a264747970656470696e6763726566f0",
        "an indefinite-length bomb             | 9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f9f",
        "nesting deeper than 16                | a16474797065818181818181818181818181818181818181818100",
        "a string longer than the message      | a164747970657b7fffffffffffffff",
        "NaN where a count goes                | a364747970656973756273637269626566746f706963738165776f726c6466726563656e74f97e00",
    })
    void refusesWhatTheProtocolHasNotAsBadRequest(String what, String hex) {
        ClientFrame.Invalid invalid = assertInstanceOf(ClientFrame.Invalid.class, decode(hex), what);
        assertEquals(ErrorCode.BAD_REQUEST, invalid.problem().code(), what);
    }

    @Test
    void aMessagePastTheLimitIsTooBigWhateverItHolds() {
        FrameAssembler assembler = new FrameAssembler();
        ByteBuffer half = ByteBuffer.allocate(Protocol.MAX_MESSAGE_BYTES / 2 + 1);
        assertEquals(null, assembler.add(half.duplicate(), false));
        assertInstanceOf(ClientFrame.TooBig.class, assembler.add(half.duplicate(), false));
        assertEquals(null, assembler.add(half.duplicate(), true), "the rest of the message is discarded");
        assertInstanceOf(ClientFrame.Ping.class, assembler.add(ByteBuffer.wrap(Cbor.fromJson("{\"type\":\"ping\"}")), true),
                "the next message is read");
    }

    @Test
    void joinsTheBinaryPartsOfAMessage() {
        FrameAssembler assembler = new FrameAssembler();
        byte[] frame = Cbor.fromJson("{\"type\":\"ping\",\"ref\":\"parts\"}");
        assertEquals(null, assembler.add(ByteBuffer.wrap(frame, 0, 5).slice().asReadOnlyBuffer(), false));
        ClientFrame.Ping ping = assertInstanceOf(ClientFrame.Ping.class,
                assembler.add(ByteBuffer.wrap(frame, 5, frame.length - 5).slice(), true));
        assertEquals("parts", ping.ref());
    }

    private ClientFrame decode(String hex) {
        return cborDecoder.decode(ByteBuffer.wrap(HEX.parseHex(hex.strip())));
    }

    private static JsonObject read(String json) {
        return Codec.JSON.createReader(new StringReader(json)).readObject();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static Object backing(EncodedFrame frame) {
        try {
            var field = EncodedFrame.class.getDeclaredField("cbor");
            field.setAccessible(true);
            return field.get(frame);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
