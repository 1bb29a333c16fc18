package dev.bulletin.endpoint;

import dev.bulletin.Bulletin;
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
        if (request.getUserPrincipal() == null
                && !bulletin.tickets().isValid(request.getParameter(NotificationsEndpoint.TICKET))) {
            LOG.log(System.Logger.Level.INFO, "Refused a notifications upgrade from {0}: no user and no valid ticket",
                    request.getRemoteAddr());
            response.setHeader("WWW-Authenticate", "Basic realm=\"bulletin\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "a user or a valid ticket is required");
            return;
        }
        chain.doFilter(request, response);
    }
}
