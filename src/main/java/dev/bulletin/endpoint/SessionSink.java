package dev.bulletin.endpoint;

import dev.bulletin.hub.Sink;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.protocol.EncodedFrame;
import dev.bulletin.protocol.Protocol;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Enumeration;
import java.util.function.Consumer;

/**
 * A hub sink over a Jakarta WebSocket session, through its asynchronous remote only: text messages
 * on {@code bulletin.v1.json}, binary ones on {@code bulletin.v1.cbor}.
 *
 * <p>Sends run with {@link #NO_SERVICES} as the thread's context class loader. Tyrus reschedules
 * a session's idle timeout on the container's managed scheduled executor at every send, even with
 * no timeout set, and GlassFish's and Payara's managed executors capture context for each such
 * task with a {@code ServiceLoader} lookup through the context class loader: through a web
 * application's loader that scans every jar of the server, and it was about half of their CPU per
 * delivered frame (docs/PERFORMANCE.md). Nothing on the send path needs the application's loader,
 * on any server.
 */
final class SessionSink implements Sink {

    private static final System.Logger LOG = System.getLogger(SessionSink.class.getName());
    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);
    /** A class loader that finds no resources, so a service lookup through it ends at once. */
    static final ClassLoader NO_SERVICES = new ClassLoader(null) {
        @Override
        public Enumeration<URL> getResources(String name) {
            return Collections.emptyEnumeration();
        }
    };

    private final Session session;
    private final RemoteEndpoint.Async remote;
    private final boolean cbor;

    SessionSink(Session session) {
        this.session = session;
        this.remote = session.getAsyncRemote();
        this.cbor = isCbor(session);
    }

    static boolean isCbor(Session session) {
        return Protocol.V1_CBOR.equals(session.getNegotiatedSubprotocol());
    }

    @Override
    public String protocol() {
        return cbor ? Protocol.V1_CBOR : Protocol.V1;
    }

    @Override
    public void send(EncodedFrame frame, Consumer<Throwable> done) {
        withoutServices(() -> {
            try {
                SendHandler sent = result -> done.accept(result.isOK() ? null : result.getException());
                if (cbor) {
                    remote.sendBinary(frame.cbor(), sent);
                } else {
                    remote.sendText(frame.json(), sent);
                }
            } catch (RuntimeException e) {
                done.accept(e);
            }
        });
    }

    @Override
    public void ping() {
        withoutServices(() -> {
            try {
                remote.sendPing(NO_DATA.duplicate());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Could not ping session {0}: {1}", session.getId(), e.toString());
            }
        });
    }

    @Override
    public void close(CloseCode code, String reason) {
        try {
            session.close(reason(code, reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not close session {0}: {1}", session.getId(), e.toString());
        }
    }

    private static void withoutServices(Runnable send) {
        Thread thread = Thread.currentThread();
        ClassLoader loader = thread.getContextClassLoader();
        thread.setContextClassLoader(NO_SERVICES);
        try {
            send.run();
        } finally {
            thread.setContextClassLoader(loader);
        }
    }

    /** The container's close reason for one of Bulletin's codes. */
    static CloseReason reason(CloseCode code, String reason) {
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), reason);
    }
}
