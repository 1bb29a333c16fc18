package dev.bulletin.endpoint;

import dev.bulletin.BulletinConfig;
import dev.bulletin.hub.BearerExpiry;
import dev.bulletin.hub.Identity;
import dev.bulletin.hub.SessionKey;
import dev.bulletin.protocol.Protocol;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Carries what only the upgrade request knows (the container's user, their roles, their HTTP
 * session) into the WebSocket session. The refusals that need an HTTP status (403 for a foreign
 * Origin, 401 for no user) happen before the upgrade, in {@link OriginFilter} and
 * {@link UserGate}, because a configurator cannot answer with a status of its own choosing.
 */
public class HandshakeGuard extends ServerEndpointConfig.Configurator {

    private static final String PUBLISHER = "bulletin.publisher";
    private static final String IDENTITY = "bulletin.identity";
    private static final String ADDRESS = "bulletin.address";

    /**
     * The roles users are checked for, read from the settings at the first signed-in upgrade: the
     * settings change only with a redeploy, which makes a new configurator too.
     */
    private volatile Set<String> checkedRoles;

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // WebSocket 2.1: these user properties are a per-connection copy, seeded into the Session.
        if (request.isUserInRole(Protocol.PUBLISHER_ROLE)) {
            config.getUserProperties().put(PUBLISHER, Boolean.TRUE); // only then: an empty map costs nothing per connection
        }
        String address = header(request, PeerAddress.HEADER);
        if (address != null) {
            config.getUserProperties().put(ADDRESS, address);
        }
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            Set<String> roles = Identity.checkRoles(checkedRoles(), request::isUserInRole);
            Object httpSession = request.getHttpSession();
            config.getUserProperties().put(IDENTITY, new Identity(principal.getName(), roles,
                    httpSession instanceof HttpSession s ? SessionKey.of(s) : null, BearerExpiry.of(header(request, "Authorization"))));
        }
    }

    private Set<String> checkedRoles() {
        Set<String> roles = checkedRoles;
        if (roles == null) {
            roles = BulletinConfig.fromEnvironment().checkedRoles();
            checkedRoles = roles;
        }
        return roles;
    }

    /** The first value of a request header, by a name in any case; null when it is absent. */
    private static String header(HandshakeRequest request, String name) {
        return request.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
                .map(header -> header.getValue().get(0)).findFirst().orElse(null);
    }

    static boolean isPublisher(Session session) {
        return Boolean.TRUE.equals(session.getUserProperties().get(PUBLISHER));
    }

    /** The client's IP address, as {@link PeerAddress} handed it over; null where that filter did not run. */
    static String address(Session session) {
        return (String) session.getUserProperties().get(ADDRESS);
    }

    /** The user the container authenticated on the upgrade request, if it did. */
    static Optional<Identity> identity(Session session) {
        return Optional.ofNullable((Identity) session.getUserProperties().get(IDENTITY));
    }
}
