package dev.bulletin.protocol;

import jakarta.websocket.Decoder;

import java.nio.ByteBuffer;

/**
 * Reads a client frame of {@code bulletin.v1.cbor}: the CBOR map of a JSON frame, checked by the
 * same rules ({@link ClientFrameDecoder}). It never throws: bytes that are not a valid frame become
 * {@link ClientFrame.Invalid}.
 */
public class ClientFrameCborDecoder implements Decoder.Binary<ClientFrame> {

    @Override
    public boolean willDecode(ByteBuffer bytes) {
        return true;
    }

    @Override
    public ClientFrame decode(ByteBuffer bytes) {
        if (bytes.remaining() > Protocol.MAX_MESSAGE_BYTES) {
            return new ClientFrame.TooBig(bytes.remaining());
        }
        try {
            return ClientFrameDecoder.decode(Cbor.toJson(bytes));
        } catch (InvalidInput e) {
            return new ClientFrame.Invalid(null, e);
        }
    }
}
