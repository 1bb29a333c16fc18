package dev.bulletin.endpoint;

import dev.bulletin.Bulletin;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.ClientFrame;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.protocol.ServerFrameCborEncoder;
import dev.bulletin.protocol.ServerFrameEncoder;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Public news: any client may follow topics here; a publisher may also publish. */
// A CDI bean, so that every server injects into it (Open Liberty injects only into beans)
@Dependent
@ServerEndpoint(value = NewsEndpoint.PATH, subprotocols = {Protocol.V1, Protocol.V1_CBOR},
        encoders = {ServerFrameEncoder.class, ServerFrameCborEncoder.class}, configurator = HandshakeGuard.class)
public class NewsEndpoint {

    public static final String PATH = "/ws/news";

    private static final System.Logger LOG = System.getLogger(NewsEndpoint.class.getName());

    @Inject
    Bulletin bulletin;

    private IncomingMessages incoming;
    private Subscriber subscriber;

    @OnOpen
    public void onOpen(Session session) {
        incoming = new IncomingMessages(session);
        subscriber = bulletin.open(new SessionSink(session), null, HandshakeGuard.isPublisher(session),
                HandshakeGuard.address(session));
    }

    /** A part of a text message: the frame is read once the last part is in, or refused as soon as it is too big. */
    @OnMessage
    public void onText(Session session, String part, boolean last) throws IOException {
        ClientFrame frame = incoming.text(session, part, last);
        if (frame != null) {
            bulletin.handle(subscriber, frame);
        }
    }

    /** A part of a binary message, the same way: a whole one would be read into memory before it could be refused. */
    @OnMessage
    public void onBinary(Session session, ByteBuffer part, boolean last) throws IOException {
        ClientFrame frame = incoming.binary(session, part, last);
        if (frame != null && subscriber != null) {
            bulletin.handle(subscriber, frame);
        }
    }

    @OnMessage
    public void onPong(PongMessage pong) {
        subscriber.seen();
    }

    @OnClose
    public void onClose() {
        if (subscriber != null) {
            bulletin.close(subscriber);
        }
    }

    @OnError
    public void onError(Session session, Throwable failure) {
        LOG.log(System.Logger.Level.DEBUG, "Session {0} failed: {1}", session.getId(), failure.toString());
    }
}
