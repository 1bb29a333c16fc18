package dev.bulletin.endpoint;

import dev.bulletin.hub.Sink;
import dev.bulletin.protocol.CloseCode;
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

    SessionSink(Session session) {
        this.session = session;
        this.remote = session.getAsyncRemote();
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
    public void close(CloseCode code, String reason) {
        try {
            session.close(reason(code, reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not close session {0}: {1}", session.getId(), e.toString());
        }
    }

    /** The container's close reason for one of Bulletin's codes. */
    static CloseReason reason(CloseCode code, String reason) {
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), reason);
    }
}
