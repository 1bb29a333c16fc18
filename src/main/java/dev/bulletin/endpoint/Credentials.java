package dev.bulletin.endpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Authenticates a request that carries credentials, on any path. Bulletin's resources are
 * open to anonymous callers and decide for themselves what needs a user, so no security
 * constraint covers them; WildFly then checks credentials anyway, but Payara, GlassFish and
 * Open Liberty only do when asked. Wrong credentials get the container's 401 challenge, or a
 * 401 problem where the container throws instead. An {@code Authorization} header Bulletin cannot
 * use (another scheme, a malformed Basic one) is ignored: the request goes on anonymous, and
 * whatever needs a user answers 401.
 */
public class Credentials extends HttpFilter {

    private static final System.Logger LOG = System.getLogger(Credentials.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null && isBasic(request.getHeader("Authorization"))) {
            boolean authenticated;
            try {
                authenticated = request.authenticate(response);
            } catch (ServletException e) {
                LOG.log(System.Logger.Level.DEBUG, "Credentials were refused: {0}", e.getMessage());
                refuse(response);
                return;
            }
            if (!authenticated) {
                return; // the container answered with its challenge
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether the header is {@code Basic} with base64 of {@code user:password}, the one scheme the realm takes. */
    static boolean isBasic(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            return new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8)
                    .indexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"bulletin\"");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"urn:bulletin:problem:unauthorized\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"the user name or password is wrong\"}");
    }
}
