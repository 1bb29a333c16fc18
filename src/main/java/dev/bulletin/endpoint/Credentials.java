package dev.bulletin.endpoint;

import dev.bulletin.Bulletin;
import dev.bulletin.hub.BearerExpiry;
import dev.bulletin.metrics.Metrics;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Authenticates a request that carries credentials, on any path: Basic ones, or a bearer token.
 * Bulletin's resources are open to anonymous callers and decide for themselves what needs a user,
 * so no security constraint covers them and containers check credentials only when asked: this
 * filter asks, and the deployment's login mechanism checks them (BASIC against its realm; OIDC or
 * a token realm against the identity provider's keys, issuer and audience, and the token's expiry).
 * Credentials it refuses get a 401 problem (through {@code ProblemPage}, the deployment's error
 * page) with the mechanism's challenge: a bearer token sent to a server that takes only Basic
 * credentials too, so a client never goes on anonymous while it believes it signed in. An
 * {@code Authorization} header of another scheme, or a malformed Basic one, is ignored: the request
 * goes on anonymous, and whatever needs a user answers 401.
 */
public class Credentials extends HttpFilter {

    private static final System.Logger LOG = System.getLogger(Credentials.class.getName());

    @Inject
    Bulletin bulletin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (request.getUserPrincipal() == null && (Basic.of(authorization) != null || BearerExpiry.isBearer(authorization))) {
            boolean authenticated;
            try {
                // authenticate, not login: WildFly's login keeps the identity in a new HTTP session,
                // one per REST call of a publisher
                authenticated = request.authenticate(response);
            } catch (ServletException e) {
                LOG.log(System.Logger.Level.DEBUG, "Credentials were refused: {0}", e.getMessage());
                response.setHeader("WWW-Authenticate", "Basic realm=\"bulletin\"");
                authenticated = false;
            }
            if (!authenticated) {
                bulletin.metrics().refused(Metrics.Refusal.AUTHENTICATION);
                if (!response.isCommitted()) {
                    // WildFly set its challenge; GlassFish sent it, and this message replaces its own
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED, BearerExpiry.isBearer(authorization)
                            ? "the bearer token was refused" : "the user name or password is wrong");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user and password of a {@code Basic} header. */
    record Basic(String user, String password) {

        /** The credentials in the header; null for any other header. */
        static Basic of(String header) {
            if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            return colon > 0 ? new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)) : null;
        }
    }
}
