package dev.bulletin.testing;

import dev.bulletin.protocol.EncodedFrame;
import dev.bulletin.hub.Sink;
import dev.bulletin.protocol.CloseCode;

import java.util.function.Consumer;

/** A client that never finishes reading a frame: nothing it is sent completes. */
public final class StuckSink implements Sink {

    @Override
    public void send(EncodedFrame frame, Consumer<Throwable> done) {
    }

    @Override
    public void ping() {
    }

    @Override
    public void close(CloseCode code, String reason) {
    }
}
