package dev.bulletin.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.JsonReader;
import jakarta.json.bind.JsonbException;

import java.io.StringReader;
import java.util.Set;

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

    @FuzzTest
    void aFrameIsReadOrRefusedWithADocumentedCode(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ClientFrame frame = decoder.decode(text);
        assertNotNull(frame);
        if (frame instanceof ClientFrame.Invalid invalid) {
            assertTrue(CODES.contains(invalid.problem().code()), invalid.problem().code());
            assertNotNull(invalid.problem().getMessage());
        }
    }

    @FuzzTest
    void aNewsBodyIsPublishableOrRefused(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        try (JsonReader strict = Codec.STRICT.createReader(new StringReader(body))) {
            strict.readValue();
        } catch (RuntimeException refused) {
            return; // StrictJsonBodies answers 400
        }
        try {
            NewsDraft draft = Codec.JSONB.fromJson(body, NewsDraft.class);
            if (draft != null) {
                draft.validated();
            }
        } catch (JsonbException | InvalidInput refused) {
            // 400 through UnreadableBodyMapper or InvalidInputMapper
        }
    }
}
