package dev.bulletin.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.Decoder;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads a client frame of {@code bulletin.v1.json}, for example {@code {"type":"subscribe","ref":"1","topics":["world"],"recent":5}}.
 * It never throws: text that is not a valid frame becomes {@link ClientFrame.Invalid}, which
 * keeps the client's {@code ref} when it can be read, so the error frame can carry it.
 */
public class ClientFrameDecoder implements Decoder.Text<ClientFrame> {

    @Override
    public boolean willDecode(String text) {
        return true;
    }

    @Override
    public ClientFrame decode(String text) {
        if (text.length() > Protocol.MAX_MESSAGE_BYTES / 3) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > Protocol.MAX_MESSAGE_BYTES) {
                return new ClientFrame.TooBig(bytes);
            }
        }
        JsonObject json;
        try (JsonReader reader = Codec.STRICT.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return new ClientFrame.Invalid(null, InvalidInput.badRequest(null, "a frame must be a JSON object"));
            }
            json = value.asJsonObject();
        } catch (RuntimeException e) {
            // JsonException for bad syntax and duplicate keys; the parser's own limits (nesting
            // deeper than 1,000, numbers longer than 1,100 digits) throw other runtime exceptions
            return new ClientFrame.Invalid(null, InvalidInput.badRequest(null, "the frame is not valid JSON, repeats a key,"
                    + " or nests too deep"));
        }
        return decode(json);
    }

    /** The frame a JSON object stands for, whichever subprotocol it came in. */
    static ClientFrame decode(JsonObject json) {
        String ref = null;
        try {
            ref = ref(json);
            return decode(json, ref);
        } catch (InvalidInput e) {
            return new ClientFrame.Invalid(ref, e);
        }
    }

    private static ClientFrame decode(JsonObject json, String ref) {
        String type = string(json, "type", true);
        return switch (type) {
            case "subscribe" -> new ClientFrame.Subscribe(ref, topics(json), resume(json), recent(json));
            case "unsubscribe" -> new ClientFrame.Unsubscribe(ref, topics(json));
            case "ack" -> new ClientFrame.Ack(ref, List.copyOf(new LinkedHashSet<>(strings(json, "ids"))));
            case "ping" -> new ClientFrame.Ping(ref);
            case "publish" -> new ClientFrame.Publish(ref, draft(json));
            default -> throw new InvalidInput(ErrorCode.UNKNOWN_TYPE, "type",
                    "type '" + Protocol.abbreviate(type) + "' is not a client frame; expected subscribe, unsubscribe, ack, ping or publish");
        };
    }

    private static String ref(JsonObject json) {
        String ref = string(json, "ref", false);
        if (ref != null && ref.length() > Protocol.MAX_REF_LENGTH) {
            throw InvalidInput.badRequest("ref", "ref is longer than " + Protocol.MAX_REF_LENGTH + " characters");
        }
        return ref;
    }

    private static List<String> topics(JsonObject json) {
        List<String> topics = strings(json, "topics");
        if (topics.isEmpty()) {
            throw InvalidInput.badRequest("topics", "topics must name at least one topic");
        }
        topics.forEach(ClientFrameDecoder::requireTopic);
        // a name repeated in one frame counts once, so that a frame's work follows its distinct names
        return List.copyOf(new LinkedHashSet<>(topics));
    }

    private static Map<String, String> resume(JsonObject json) {
        JsonValue value = json.get("resume");
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidInput.badRequest("resume", "resume must be an object of topic to cursor");
        }
        Map<String, String> resume = new LinkedHashMap<>();
        value.asJsonObject().forEach((topic, cursor) -> {
            requireTopic(topic);
            if (cursor.getValueType() != JsonValue.ValueType.STRING) {
                throw InvalidInput.badRequest("resume", "the cursor of topic '" + topic + "' must be a string");
            }
            resume.put(topic, ((JsonString) cursor).getString());
        });
        return resume;
    }

    private static int recent(JsonObject json) {
        JsonValue value = json.get("recent");
        if (value == null || value == JsonValue.NULL) {
            return 0;
        }
        int recent;
        try {
            // exact conversion refuses fractions and overflow without expanding 1e999999999
            recent = value.getValueType() == JsonValue.ValueType.NUMBER ? ((JsonNumber) value).intValueExact() : -1;
        } catch (ArithmeticException | UnsupportedOperationException e) {
            recent = -1;
        }
        if (recent < 0 || recent > Protocol.MAX_RECENT) {
            throw InvalidInput.badRequest("recent", "recent must be a whole number from 0 to " + Protocol.MAX_RECENT);
        }
        return recent;
    }

    private static NewsDraft draft(JsonObject json) {
        String topic = string(json, "topic", true);
        JsonValue item = json.get("item");
        if (item == null || item.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidInput.badRequest("item", "item must be an object with at least a title");
        }
        try {
            return Codec.JSONB.fromJson(item.toString(), NewsDraft.class).withTopic(topic);
        } catch (JsonbException e) {
            throw InvalidInput.badRequest("item", "item has a field of the wrong type: " + e.getMessage());
        }
    }

    private static void requireTopic(String topic) {
        if (!Protocol.isTopic(topic)) {
            throw new InvalidInput(ErrorCode.BAD_TOPIC, "topics",
                    "topic '" + Protocol.abbreviate(topic) + "' does not match [a-z0-9][a-z0-9._-]{0,63}");
        }
    }

    private static String string(JsonObject json, String field, boolean required) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw InvalidInput.badRequest(field, field + " is required");
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw InvalidInput.badRequest(field, field + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static List<String> strings(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw InvalidInput.badRequest(field, field + " must be an array of strings");
        }
        JsonArray array = value.asJsonArray();
        List<String> result = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (element.getValueType() != JsonValue.ValueType.STRING) {
                throw InvalidInput.badRequest(field, field + " must be an array of strings");
            }
            result.add(((JsonString) element).getString());
        }
        return result;
    }
}
