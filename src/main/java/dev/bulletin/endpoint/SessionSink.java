package dev.bulletin.endpoint;

import dev.bulletin.hub.Sink;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** A hub sink over a Jakarta WebSocket session, through its asynchronous remote only. */
final class SessionSink implements Sink {

    private static final System.Logger LOG = System.getLogger(SessionSink.class.getName());
    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);

    private final Session session;
    private final RemoteEndpoint.Async remote;

    private static final String UNDERTOW_SESSION = "io.undertow.websockets.jsr.UndertowSession";
    private static volatile boolean undertowUsable = true;

    SessionSink(Session session) {
        this.session = session;
        this.remote = session.getAsyncRemote();
    }

    /** The sink for a session: Undertow's fast path for an Undertow session, else the portable one. */
    static Sink of(Session session) {
        if (undertowUsable && session.getClass().getName().equals(UNDERTOW_SESSION)) {
            try {
                return UndertowSink.of(session);
            } catch (LinkageError e) {
                undertowUsable = false;
                LOG.log(System.Logger.Level.INFO, "Undertow's WebSocket classes are not visible to the application; "
                        + "sending through the portable API: {0}", e.toString());
            }
        }
        return new SessionSink(session);
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        try {
            remote.sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public void ping() {
        try {
            remote.sendPing(NO_DATA.duplicate());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not ping session {0}: {1}", session.getId(), e.toString());
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not close session {0}: {1}", session.getId(), e.toString());
        }
    }
}
