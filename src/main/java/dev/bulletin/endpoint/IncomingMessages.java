package dev.bulletin.endpoint;

import dev.bulletin.protocol.ClientFrame;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.protocol.FrameAssembler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A connection's messages, as parts from the container's partial-message handlers: the kind its
 * subprotocol speaks (text on {@code bulletin.v1.json}, binary on {@code bulletin.v1.cbor}) joined
 * into frames, the other kind closed with 1003.
 */
final class IncomingMessages {

    private final FrameAssembler assembler = new FrameAssembler();
    private final boolean cbor;

    IncomingMessages(Session session) {
        this.cbor = SessionSink.isCbor(session);
    }

    /** The frame once the message's last part is in; null before, and when the connection speaks binary. */
    ClientFrame text(Session session, String part, boolean last) throws IOException {
        if (cbor) {
            session.close(SessionSink.reason(CloseCode.CANNOT_ACCEPT, "text frames are not accepted on bulletin.v1.cbor"));
            return null;
        }
        return assembler.add(part, last);
    }

    /** The frame once the message's last part is in; null before, and when the connection speaks text. */
    ClientFrame binary(Session session, ByteBuffer part, boolean last) throws IOException {
        if (!cbor) {
            session.close(SessionSink.reason(CloseCode.CANNOT_ACCEPT, "binary frames are not accepted"));
            return null;
        }
        return assembler.add(part, last);
    }
}
