package dev.bulletin.api;

import dev.bulletin.protocol.Codec;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The REST API reads and writes JSON with the application's one JSON-B. Without a resolver,
 * RESTEasy builds a JSON-B for every request and closes it after (a provider lookup and a
 * fresh binding context each time: a tenth of the server's CPU in the notification benchmark).
 */
public class JsonbResolver implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return Codec.JSONB;
    }
}
