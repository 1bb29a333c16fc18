package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.hub.BearerExpiry;
import dev.bulletin.hub.SessionKey;
import dev.bulletin.hub.Identity;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Instant;
import java.util.Set;

/**
 * Tickets for browsers, which cannot send credentials on a WebSocket. A ticket belongs to the
 * caller's login: to the HTTP session it lives in (made if there is none), so a logout closes the
 * sockets it opened, or, for a caller who sent a bearer token, to that token, so the sockets it
 * opened close as the token expires.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TicketsResource {

    @Inject
    Bulletin bulletin;

    @POST
    @Path("tickets")
    public Ticket issue(@Context SecurityContext security, @Context HttpServletRequest request) {
        String user = Access.requireUser(security, "a ticket");
        Set<String> roles = Identity.checkRoles(bulletin.config().checkedRoles(), security::isUserInRole);
        // a bearer token's login ends at its expiry, and needs no HTTP session to end it
        Instant loginEnds = BearerExpiry.of(request.getHeader("Authorization"));
        String httpSession = loginEnds != null ? null : SessionKey.of(request.getSession(true));
        Identity identity = new Identity(user, roles, httpSession, loginEnds);
        return new Ticket(bulletin.tickets().issue(identity), bulletin.tickets().lifetimeFor(identity).toSeconds());
    }

    /** Ends the caller's HTTP session: the sockets opened with its tickets close with 4001. */
    @POST
    @Path("logout")
    public void logout(@Context HttpServletRequest request) throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
    }

    public record Ticket(String ticket, long expiresIn) {
    }
}
