package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.Notifications;
import dev.bulletin.protocol.InvalidInput;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationItem;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.store.StoredNotification;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;
import java.util.Optional;

@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Inject
    Bulletin bulletin;

    /** 202 with the id and the recipients; the same id again answers 200 with the original and sends nothing. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response notify(NotificationDraft draft, @Context SecurityContext security) {
        Access.requireRole(security, Protocol.PUBLISHER_ROLE, "notifying");
        if (draft == null) {
            throw InvalidInput.badRequest(null, "the body must be a JSON object with at least to and title");
        }
        Notifications.Notified notified = bulletin.notifications().notify(draft);
        return Response.status(notified.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(new Accepted(notified.id(), notified.recipients())).build();
    }

    /** The caller's own notifications, oldest first. */
    @GET
    public Response list(@QueryParam("unread") @DefaultValue("false") boolean unread,
                         @QueryParam("after") String after,
                         @QueryParam("limit") @DefaultValue("50") String limit,
                         @Context SecurityContext security) {
        String user = Access.requireUser(security, "reading notifications");
        NewsResource.requireCursor(after);
        Optional<List<StoredNotification>> items = bulletin.notifications()
                .list(user, after, unread, NewsResource.limit(limit));
        if (items.isEmpty()) {
            return Problem.cursorGone(after);
        }
        return Response.ok(items.get().stream().map(e -> new Entry(e.cursor().toString(), e.item())).toList())
                .build();
    }

    /** Marks the caller's notifications read; 404 naming the ids that are not theirs, and then nothing changes. */
    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response read(Ids body, @Context SecurityContext security) {
        String user = Access.requireUser(security, "marking notifications read");
        if (body == null || body.ids() == null) {
            throw InvalidInput.badRequest("ids", "the body must be {\"ids\": [...]}");
        }
        bulletin.notifications().markRead(user, body.ids());
        return Response.noContent().build();
    }

    public record Accepted(String id, NotificationDraft.Audience recipients) {
    }

    public record Entry(String cursor, NotificationItem item) {
    }

    public record Ids(List<String> ids) {
    }
}
