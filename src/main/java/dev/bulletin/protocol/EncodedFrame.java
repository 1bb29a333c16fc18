package dev.bulletin.protocol;

import java.nio.ByteBuffer;

/**
 * A server frame as it goes on the wire, in each subprotocol: its JSON text, encoded once, and its
 * CBOR, made from that text the first time a {@code bulletin.v1.cbor} session needs it and kept.
 * So an item is encoded at most once per subprotocol in use, however many sessions it goes to.
 */
public final class EncodedFrame {

    private final String json;
    private volatile byte[] cbor;

    public EncodedFrame(String json) {
        this.json = json;
    }

    /** The frame of {@code bulletin.v1.json}. */
    public String json() {
        return json;
    }

    /**
     * The frame of {@code bulletin.v1.cbor}: a new view for each send, over bytes made once. Not a
     * read-only view: Open Liberty's TCP channel takes the buffer's array and fails on one
     * ({@code ReadOnlyBufferException}); a server frame is not masked, so no container writes to it.
     */
    public ByteBuffer cbor() {
        byte[] bytes = cbor;
        if (bytes == null) {
            synchronized (this) {
                bytes = cbor;
                if (bytes == null) {
                    bytes = Cbor.fromJson(json);
                    cbor = bytes;
                }
            }
        }
        return ByteBuffer.wrap(bytes);
    }

    @Override
    public String toString() {
        return json;
    }
}
