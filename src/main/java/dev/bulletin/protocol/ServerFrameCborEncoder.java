package dev.bulletin.protocol;

import jakarta.websocket.Encoder;

import java.nio.ByteBuffer;

/**
 * Writes a server frame as one CBOR data item for {@code bulletin.v1.cbor}: the map of its JSON
 * text ({@link Cbor}). The hub encodes a published item once per subprotocol ({@link EncodedFrame}).
 */
public class ServerFrameCborEncoder implements Encoder.Binary<ServerFrame> {

    @Override
    public ByteBuffer encode(ServerFrame frame) {
        return ByteBuffer.wrap(Cbor.fromJson(Codec.JSONB.toJson(frame)));
    }
}
