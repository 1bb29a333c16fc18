package dev.bulletin.hub;

import dev.bulletin.protocol.CloseCode;
import dev.bulletin.protocol.EncodedFrame;
import dev.bulletin.protocol.Protocol;

import java.util.function.Consumer;

/** Where a subscriber's frames go: a WebSocket session in production, anything in a unit test. */
public interface Sink {

    /** Sends one frame, in the session's subprotocol, without waiting; {@code done} gets null on success or the failure. */
    void send(EncodedFrame frame, Consumer<Throwable> done);

    /** The subprotocol the client chose: {@link Protocol#V1} unless it chose {@link Protocol#V1_CBOR}. */
    default String protocol() {
        return Protocol.V1;
    }

    void ping();

    /** Closes the connection with a WebSocket close code; must not wait for the client. */
    void close(CloseCode code, String reason);
}
