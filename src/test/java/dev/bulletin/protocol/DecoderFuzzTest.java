package dev.bulletin.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.JsonReader;
import jakarta.json.bind.JsonbException;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client sends, fuzzed: a frame or a REST body never makes the readers throw anything but
 * the documented refusals. Every test run replays the committed inputs under
 * {@code src/test/resources/dev/bulletin/protocol/DecoderFuzzTestInputs/}; to fuzz, see the README.
 */
class DecoderFuzzTest {

    private static final Set<String> CODES = Set.of(ErrorCode.BAD_REQUEST, ErrorCode.UNKNOWN_TYPE, ErrorCode.BAD_TOPIC,
            ErrorCode.FORBIDDEN, ErrorCode.TOO_MANY_TOPICS, ErrorCode.RATE_LIMITED, ErrorCode.NOT_FOUND);

    private final ClientFrameDecoder decoder = new ClientFrameDecoder();
    private final ClientFrameCborDecoder cborDecoder = new ClientFrameCborDecoder();

    @FuzzTest
    void aFrameIsReadOrRefusedWithADocumentedCode(FuzzedDataProvider data) {
        assertReadOrRefused(decoder.decode(data.consumeRemainingAsString()));
    }

    /** The same of {@code bulletin.v1.cbor}'s binary frames: malformed CBOR, bombs, tags, byte strings. */
    @FuzzTest
    void aCborFrameIsReadOrRefusedWithADocumentedCode(FuzzedDataProvider data) {
        assertReadOrRefused(cborDecoder.decode(ByteBuffer.wrap(data.consumeRemainingAsBytes())));
    }

    private static void assertReadOrRefused(ClientFrame frame) {
        assertNotNull(frame);
        if (frame instanceof ClientFrame.Invalid invalid) {
            assertTrue(CODES.contains(invalid.problem().code()), invalid.problem().code());
            assertNotNull(invalid.problem().getMessage());
        }
    }

    /**
     * A body the strict reader takes either binds and validates into a draft within every limit of
     * PROTOCOL.md, which validating again leaves as it is, or is refused with the exceptions that the
     * API answers 400 ({@code JsonbException}, {@code InvalidInput}); nothing else escapes.
     */
    @FuzzTest
    void aNewsBodyIsPublishableOrRefused(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        try (JsonReader strict = Codec.STRICT.createReader(new StringReader(body))) {
            strict.readValue();
        } catch (RuntimeException refused) {
            return; // StrictJsonBodies answers 400
        }
        NewsDraft valid;
        try {
            NewsDraft draft = Codec.JSONB.fromJson(body, NewsDraft.class);
            if (draft == null) {
                return; // the body was JSON null: NewsResource answers 400
            }
            valid = draft.validated();
        } catch (JsonbException | InvalidInput refused) {
            return; // 400 through UnreadableBodyMapper or InvalidInputMapper
        }
        assertTrue(Protocol.isTopic(valid.topic()), valid.topic());
        assertTrue(!valid.title().isBlank() && valid.title().length() <= NewsDraft.MAX_TITLE, valid.title());
        assertTrue(valid.summary() == null || valid.summary().length() <= NewsDraft.MAX_SUMMARY);
        assertTrue(NewsDraft.PRIORITIES.contains(valid.priority()), valid.priority());
        assertTrue(valid.tags().size() <= NewsDraft.MAX_TAGS
                && Codec.JSONB.toJson(valid.tags()).length() <= NewsDraft.MAX_TAGS_JSON);
        assertTrue(Protocol.isId(valid.id()), valid.id());
        for (String text : new String[]{valid.title(), valid.summary(), valid.url()}) {
            assertTrue(text == null || text.indexOf('\u0000') < 0, "no NUL is accepted");
        }
        assertEquals(valid, valid.validated(), "validating a valid draft changes nothing");
    }
}
