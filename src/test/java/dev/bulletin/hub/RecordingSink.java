package dev.bulletin.hub;

import dev.bulletin.protocol.EncodedFrame;
import dev.bulletin.protocol.CloseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A sink that records what it is given; it completes sends at once unless told to hold them. */
final class RecordingSink implements Sink {

    final List<String> sent = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    boolean hold;
    CloseCode closedWith;
    int pings;

    @Override
    public synchronized void send(EncodedFrame frame, Consumer<Throwable> done) {
        sent.add(frame.json());
        if (hold) {
            pending.add(done);
        } else {
            done.accept(null);
        }
    }

    /** Completes the oldest held send. */
    void complete() {
        Consumer<Throwable> done;
        synchronized (this) {
            done = pending.remove(0);
        }
        done.accept(null);
    }

    @Override
    public void ping() {
        pings++;
    }

    @Override
    public void close(CloseCode code, String reason) {
        closedWith = code;
    }
}
