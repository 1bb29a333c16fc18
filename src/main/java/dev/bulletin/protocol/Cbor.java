package dev.bulletin.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.dataformat.cbor.CBORFactory;
import tools.jackson.dataformat.cbor.CBORParser;
import tools.jackson.dataformat.cbor.CBORReadFeature;
import tools.jackson.dataformat.cbor.CBORWriteFeature;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The frames of {@code bulletin.v1.cbor}: the JSON frames of {@code bulletin.v1.json} as CBOR
 * (RFC 8949) data items, with the same keys and values. JSON stays the one definition of a frame:
 * the server writes CBOR from a frame's JSON text, and reads a client's CBOR into the JSON object
 * that {@link ClientFrameDecoder} checks. Jackson does the CBOR; this class walks the JSON-P tree.
 *
 * <p>What it writes: maps and arrays of definite length, text strings (times as RFC 3339 text,
 * as in JSON), integers in their shortest form, {@code true}, {@code false}, {@code null}; no
 * tags. What it reads: the same, in any length form, floats, and bignums (tags 2 and 3, which are
 * integers); a byte string, any other tag, a simple value JSON has not, a map key repeated, nesting
 * deeper than {@link #MAX_DEPTH} or data after the frame make the frame {@code bad-request}.
 */
public final class Cbor {

    /** Deeper than any frame of the protocol, and shallow enough that nothing can exhaust a stack. */
    static final int MAX_DEPTH = 16;

    private static final CBORFactory FACTORY = CBORFactory.builder()
            .enable(CBORWriteFeature.WRITE_MINIMAL_INTS)
            // undefined and the other simple values come as embedded objects, which read refuses
            .enable(CBORReadFeature.READ_UNDEFINED_AS_EMBEDDED_OBJECT, CBORReadFeature.READ_SIMPLE_VALUE_AS_EMBEDDED_OBJECT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private Cbor() {
    }

    /** A frame's JSON text as CBOR. */
    public static byte[] fromJson(String json) {
        JsonValue value;
        try (JsonReader reader = Codec.JSON.createReader(new StringReader(json))) {
            value = reader.readValue();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length());
        try (JsonGenerator cbor = FACTORY.createGenerator(ObjectWriteContext.empty(), bytes)) {
            write(cbor, value);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator cbor, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                cbor.writeStartObject(null, object.size());
                for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                    cbor.writeName(member.getKey());
                    write(cbor, member.getValue());
                }
                cbor.writeEndObject();
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                cbor.writeStartArray(null, array.size());
                for (JsonValue element : array) {
                    write(cbor, element);
                }
                cbor.writeEndArray();
            }
            case STRING -> cbor.writeString(((JsonString) value).getString());
            case NUMBER -> {
                // no frame has a number past a long or a fraction; Jackson would tag those (bignum, decimal fraction)
                JsonNumber number = (JsonNumber) value;
                if (number.isIntegral()) {
                    cbor.writeNumber(number.longValueExact());
                } else {
                    cbor.writeNumber(number.doubleValue());
                }
            }
            case TRUE -> cbor.writeBoolean(true);
            case FALSE -> cbor.writeBoolean(false);
            case NULL -> cbor.writeNull();
        }
    }

    /**
     * A client's CBOR frame as the JSON object it stands for.
     *
     * @throws InvalidInput {@code bad-request} when the bytes are not one CBOR map of what JSON can say
     */
    public static JsonObject toJson(ByteBuffer frame) {
        try (JsonParser cbor = FACTORY.createParser(ObjectReadContext.empty(), bytes(frame))) {
            JsonToken first = cbor.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw InvalidInput.badRequest(null, "a frame must be a CBOR map");
            }
            JsonValue object = read(cbor, first);
            if (cbor.nextToken() != null) {
                throw InvalidInput.badRequest(null, "a message must hold one CBOR data item, the frame, and nothing after it");
            }
            return object.asJsonObject();
        } catch (JacksonException | NumberFormatException e) {
            // bad CBOR, a repeated key, nesting too deep, a float that is not a number
            throw InvalidInput.badRequest(null, "the frame is not well-formed CBOR, repeats a key, or nests deeper than "
                    + MAX_DEPTH);
        }
    }

    private static JsonValue read(JsonParser cbor, JsonToken token) {
        if (((CBORParser) cbor).getCurrentTag() != -1) {
            throw InvalidInput.badRequest(null, "tags are not part of the protocol");
        }
        return switch (token) {
            case START_OBJECT -> {
                JsonObjectBuilder object = Codec.JSON.createObjectBuilder();
                String name;
                while ((name = cbor.nextName()) != null) {
                    object.add(name, read(cbor, cbor.nextToken()));
                }
                yield object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = Codec.JSON.createArrayBuilder();
                JsonToken next;
                while ((next = cbor.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(read(cbor, next));
                }
                yield array.build();
            }
            case VALUE_STRING -> Codec.JSON.createValue(cbor.getString());
            case VALUE_NUMBER_INT -> Codec.JSON.createValue(cbor.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> Codec.JSON.createValue(cbor.getDecimalValue());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw InvalidInput.badRequest(null, "byte strings and simple values other than true, false and null"
                    + " are not part of the protocol");
        };
    }

    /** A copy of the buffer's remaining bytes, leaving it as it was: a container's buffer may be direct, read-only or reused. */
    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
