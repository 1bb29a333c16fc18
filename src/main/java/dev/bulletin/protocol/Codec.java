package dev.bulletin.protocol;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-B and the one JSON-P provider of the application. Both are thread-safe and
 * costly to look up, so nothing creates its own per connection or per message.
 */
public final class Codec {

    public static final Jsonb JSONB = JsonbBuilder.create();
    public static final JsonProvider JSON = JsonProvider.provider();

    private Codec() {
    }
}
