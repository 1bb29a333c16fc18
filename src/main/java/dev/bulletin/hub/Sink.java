package dev.bulletin.hub;

import dev.bulletin.protocol.CloseCode;

import java.util.function.Consumer;

/** Where a subscriber's frames go: a WebSocket session in production, anything in a unit test. */
public interface Sink {

    /** Sends one text frame without waiting; {@code done} gets null on success or the failure. */
    void send(String text, Consumer<Throwable> done);

    void ping();

    /** Closes the connection with a WebSocket close code; must not wait for the client. */
    void close(CloseCode code, String reason);
}
