package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.InvalidInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Instant;
import java.util.List;

/**
 * An operator's handle, for role {@code bulletin-admin}: the open sessions of this node, paged, and
 * disconnecting a user everywhere in the cluster. Each disconnect is written to the log, with who did it.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public static final String ROLE = "bulletin-admin";

    private static final System.Logger LOG = System.getLogger(AdminResource.class.getName());

    @Inject
    Bulletin bulletin;

    /** This node's open sessions, oldest first. */
    @GET
    @Path("sessions")
    public Sessions sessions(@Context SecurityContext security, @QueryParam("offset") @DefaultValue("0") String offset,
                             @QueryParam("limit") @DefaultValue("50") String limit) {
        Access.requireRole(security, ROLE, "listing sessions");
        int from = offset(offset);
        List<Session> page = bulletin.hub().sessions(from, NewsResource.limit(limit)).stream()
                .map(this::session).toList();
        return new Sessions(bulletin.config().node(), bulletin.hub().sessionCount(), from, page);
    }

    /** Closes the user's connections with 4001 on every node, and revokes their tickets. */
    @POST
    @Path("users/{user}/disconnect")
    public Disconnected disconnect(@Context SecurityContext security, @PathParam("user") String user) {
        Access.requireRole(security, ROLE, "disconnecting a user");
        int closed = bulletin.disconnectUser(user);
        LOG.log(System.Logger.Level.INFO, "Operator {0} disconnected user {1} everywhere: {2} connection(s) of this"
                + " node closed with 4001, and the user''s tickets revoked", security.getUserPrincipal().getName(), user,
                closed);
        return new Disconnected(user, closed);
    }

    private Session session(Subscriber subscriber) {
        return new Session(subscriber.id(), subscriber.user(), subscriber.identity() == null ? "news" : "notifications",
                bulletin.config().node(), subscriber.topicCount(), subscriber.queueDepth(),
                Instant.ofEpochMilli(subscriber.connectedAtMillis()).toString());
    }

    private static int offset(String value) {
        try {
            int offset = Integer.parseInt(value);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInput.badRequest("offset", "offset must be a whole number from 0");
    }

    /** A page of this node's sessions: {@code total} open in all, this page from {@code offset}. */
    public record Sessions(String node, int total, int offset, List<Session> sessions) {
    }

    /** One open session: {@code user} is null on {@code /ws/news}. */
    public record Session(String id, String user, String endpoint, String node, int topics, int queued,
                          String connectedSince) {
    }

    /** Whom an operator disconnected, and how many of their connections closed on this node. */
    public record Disconnected(String user, int closedHere) {
    }
}
