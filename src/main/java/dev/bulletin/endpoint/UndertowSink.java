package dev.bulletin.endpoint;

import dev.bulletin.hub.Sink;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.jsr.UndertowSession;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The fast path on Undertow (WildFly): a text frame goes to the channel as UTF-8 bytes encoded
 * once per fan-out, where the portable {@code sendText(String)} encodes the same text again for
 * every session. Pings and closes take the portable path. {@link SessionSink#of} loads this
 * class only for an Undertow session, so other servers never resolve Undertow's classes.
 */
final class UndertowSink implements Sink {

    private static volatile Encoded last;

    private final WebSocketChannel channel;
    private final SessionSink portable;

    private UndertowSink(UndertowSession session) {
        this.channel = session.getWebSocketChannel();
        this.portable = new SessionSink(session);
    }

    static Sink of(Session session) {
        return new UndertowSink((UndertowSession) session);
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        try {
            WebSockets.sendText(utf8(text), channel, new WebSocketCallback<Void>() {
                @Override
                public void complete(WebSocketChannel channel, Void context) {
                    done.accept(null);
                }

                @Override
                public void onError(WebSocketChannel channel, Void context, Throwable failure) {
                    done.accept(failure);
                }
            });
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    /**
     * The text's bytes, shared by every session the same text goes to: a fan-out hands the same
     * String to each session in turn, so the last one encoded is nearly always the one asked for.
     */
    private static ByteBuffer utf8(String text) {
        Encoded encoded = last;
        if (encoded == null || encoded.text != text) {
            encoded = new Encoded(text, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            last = encoded;
        }
        return encoded.bytes.duplicate();
    }

    private record Encoded(String text, ByteBuffer bytes) {
    }

    @Override
    public void ping() {
        portable.ping();
    }

    @Override
    public void close(int code, String reason) {
        portable.close(code, reason);
    }
}
