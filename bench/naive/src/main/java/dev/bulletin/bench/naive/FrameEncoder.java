package dev.bulletin.bench.naive;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.Encoder;

/** Encodes a frame each time a session sends it: once per session per item. */
public class FrameEncoder implements Encoder.Text<Frame> {

    static final Jsonb JSONB = JsonbBuilder.create(); // the WAR's one JSON-B, the publish servlet's too

    @Override
    public String encode(Frame frame) {
        return JSONB.toJson(frame);
    }
}
