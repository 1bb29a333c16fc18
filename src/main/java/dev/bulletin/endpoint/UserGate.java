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

/**
 * Answers 401, before any upgrade, a request to {@code /ws/notifications} that has neither a
 * user authenticated by the container nor a ticket that is still valid. The endpoint then uses
 * the ticket up; a ticket is never written to the log.
 */
public class UserGate extends HttpFilter {

    private static final System.Logger LOG = System.getLogger(UserGate.class.getName());

    @Inject
    Bulletin bulletin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            chain.doFilter(request, response);
            return;
        }
        boolean valid;
        try {
            valid = bulletin.tickets().isValid(request.getParameter(NotificationsEndpoint.TICKET));
        } catch (RuntimeException e) {
            // the store is down, and its outage is logged as a whole
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "tickets cannot be checked now; retry later");
            return;
        }
        if (!valid) {
            // DEBUG: a crowd of clients without a ticket must not flood the log
            LOG.log(System.Logger.Level.DEBUG, "Refused a notifications upgrade from {0}: no user and no valid ticket",
                    request.getRemoteAddr());
            bulletin.metrics().refused(Metrics.Refusal.AUTHENTICATION);
            response.setHeader("WWW-Authenticate", "Basic realm=\"bulletin\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a user or a valid ticket is required");
            return;
        }
        chain.doFilter(request, response);
    }
}
