package dev.bulletin.testing;

import dev.bulletin.protocol.EncodedFrame;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.hub.Sink;
import dev.bulletin.protocol.Codec;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A session that keeps the frames it is sent, and its close code. */
public final class FrameRecorder implements Sink {

    private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    private volatile CloseCode closedWith;
    private volatile int pings;
    private volatile Runnable onPing = () -> { };

    @Override
    public void send(EncodedFrame frame, Consumer<Throwable> done) {
        frames.add(Codec.JSON.createReader(new StringReader(frame.json())).readObject());
        done.accept(null);
    }

    @Override
    public void ping() {
        pings++;
        onPing.run();
    }

    /** How often the server pinged this session. */
    public int pings() {
        return pings;
    }

    /** What the client does when pinged, as a live client answers with a pong. */
    public void onPing(Runnable pong) {
        onPing = pong;
    }

    @Override
    public void close(CloseCode code, String reason) {
        closedWith = code;
    }

    /** The close code the server closed this session with, 0 while open. */
    public CloseCode closedWith() {
        return closedWith;
    }

    public List<JsonObject> of(String type) {
        return frames.stream().filter(f -> type.equals(f.getString("type"))).toList();
    }

    public JsonObject last(String type) {
        List<JsonObject> matching = of(type);
        return matching.get(matching.size() - 1);
    }

    public List<Long> seqs(String type) {
        return of(type).stream().map(f -> f.getString("cursor"))
                .map(c -> Long.parseLong(c.substring(c.indexOf(':') + 1))).toList();
    }
}
