package dev.bulletin.protocol;

import jakarta.json.JsonConfig;
import jakarta.json.JsonReaderFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.Map;

/**
 * The one JSON-B and the one JSON-P provider of the application. Both are thread-safe and
 * costly to look up, so nothing creates its own per connection or per message.
 */
public final class Codec {

    public static final Jsonb JSONB = JsonbBuilder.create();
    public static final JsonProvider JSON = JsonProvider.provider();

    /**
     * Reads what clients send: a repeated key is an error (JSON-P 2.1's {@code KeyStrategy.NONE}),
     * so that no two readers of one message see two different messages.
     */
    public static final JsonReaderFactory STRICT = JSON.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private Codec() {
    }
}
