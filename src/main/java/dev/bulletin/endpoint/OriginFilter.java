package dev.bulletin.endpoint;

import dev.bulletin.Bulletin;
import dev.bulletin.metrics.Metrics;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Refuses a WebSocket upgrade from a foreign Origin with 403, before the container upgrades.
 * Containers add their own upgrade filter after the application's, so this one runs first.
 * A request without Origin (not a browser) passes: the check protects browsers' cookies.
 */
public class OriginFilter extends HttpFilter {

    private static final System.Logger LOG = System.getLogger(OriginFilter.class.getName());

    @Inject
    Bulletin bulletin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !allowed(origin, request.getHeader("Host"), bulletin.config().allowedOrigins())) {
            LOG.log(System.Logger.Level.INFO, "Refused a WebSocket upgrade to {0} from origin {1}: not allowed",
                    request.getRequestURI(), origin);
            bulletin.metrics().refused(Metrics.Refusal.ORIGIN);
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Origin not allowed");
            return;
        }
        chain.doFilter(request, response);
    }

    /** With no allow-list, only the request's own origin (the Origin's host and port equal the Host header). */
    static boolean allowed(String origin, String host, List<String> allowList) {
        if (!allowList.isEmpty()) {
            return allowList.contains("*") || allowList.contains(origin);
        }
        try {
            String authority = URI.create(origin).getAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
