package dev.bulletin.endpoint;

import dev.bulletin.protocol.Protocol;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Carries what only the upgrade request knows (the caller's roles) into the session. The
 * refusals that need an HTTP status (403 for a foreign Origin) happen before the upgrade, in
 * {@link OriginFilter}, because a configurator cannot answer with a status of its own choosing.
 */
public class HandshakeGuard extends ServerEndpointConfig.Configurator {

    private static final String PUBLISHER = "bulletin.publisher";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // WebSocket 2.1: these user properties are a per-connection copy, seeded into the Session.
        config.getUserProperties().put(PUBLISHER, request.isUserInRole(Protocol.PUBLISHER_ROLE));
    }

    static boolean isPublisher(Session session) {
        return Boolean.TRUE.equals(session.getUserProperties().get(PUBLISHER));
    }
}
