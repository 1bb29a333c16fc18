package dev.bulletin.endpoint;

import dev.bulletin.Bulletin;
import dev.bulletin.hub.Identity;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.ClientFrame;
import dev.bulletin.protocol.CloseCode;
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
import java.util.List;
import java.util.Optional;

/**
 * A user's personal notifications, plus topics, on one socket. The user is the container's
 * principal on the upgrade request, or the one a {@code ?ticket=} was issued to.
 */
// A CDI bean, so that every server injects into it (Open Liberty injects only into beans)
@Dependent
@ServerEndpoint(value = NotificationsEndpoint.PATH, subprotocols = {Protocol.V1, Protocol.V1_CBOR},
        encoders = {ServerFrameEncoder.class, ServerFrameCborEncoder.class}, configurator = HandshakeGuard.class)
public class NotificationsEndpoint {

    public static final String PATH = "/ws/notifications";
    public static final String TICKET = "ticket";

    private static final System.Logger LOG = System.getLogger(NotificationsEndpoint.class.getName());

    @Inject
    Bulletin bulletin;

    private IncomingMessages incoming;
    private Subscriber subscriber;

    @OnOpen
    public void onOpen(Session session) throws IOException {
        incoming = new IncomingMessages(session);
        Optional<Identity> identity;
        try {
            identity = HandshakeGuard.identity(session).or(() -> bulletin.tickets().redeem(ticket(session)));
        } catch (RuntimeException e) {
            // the store is down, and its outage is logged as a whole
            session.close(SessionSink.reason(CloseCode.UNEXPECTED, "tickets cannot be"
                    + " checked now"));
            return;
        }
        if (identity.isEmpty()) {
            // UserGate answers 401 before the upgrade; this is the ticket used twice at the same instant.
            LOG.log(System.Logger.Level.INFO, "Closing session {0}: no user and no valid ticket", session.getId());
            session.close(SessionSink.reason(CloseCode.LOGIN_ENDED,
                    "authentication required"));
            return;
        }
        subscriber = bulletin.open(new SessionSink(session), identity.get(),
                identity.get().inRole(Protocol.PUBLISHER_ROLE), HandshakeGuard.address(session));
    }

    /** A part of a text message: the frame is read once the last part is in, or refused as soon as it is too big. */
    @OnMessage
    public void onText(Session session, String part, boolean last) throws IOException {
        ClientFrame frame = incoming.text(session, part, last);
        if (frame != null && subscriber != null) {
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
        if (subscriber != null) {
            subscriber.seen();
        }
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

    static String ticket(Session session) {
        List<String> values = session.getRequestParameterMap().get(TICKET);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
