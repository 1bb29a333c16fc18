package dev.bulletin.bench.naive;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every connected session, to be sent every published frame. */
@ServerEndpoint(value = "/ws", subprotocols = "bulletin.v1.json", encoders = FrameEncoder.class)
public class NaiveEndpoint {

    static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

    @OnOpen
    public void open(Session session) {
        SESSIONS.add(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        SESSIONS.remove(session);
    }
}
