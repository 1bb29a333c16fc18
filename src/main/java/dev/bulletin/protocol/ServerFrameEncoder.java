package dev.bulletin.protocol;

import jakarta.websocket.Encoder;

/**
 * Writes a server frame as one JSON text, for example
 * {@code {"type":"pong","ref":"7","time":"2026-11-24T09:30:00Z"}}.
 * The hub calls it once per published item and sends the same text to every subscriber.
 */
public class ServerFrameEncoder implements Encoder.Text<ServerFrame> {

    @Override
    public String encode(ServerFrame frame) {
        return Codec.JSONB.toJson(frame);
    }
}
