package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.Publication;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.ErrorCode;
import dev.bulletin.protocol.InvalidInput;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.store.StoredNews;
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

@Path("/news")
@Produces(MediaType.APPLICATION_JSON)
public class NewsResource {

    static final int MAX_LIMIT = 200;

    @Inject
    Bulletin bulletin;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(NewsDraft draft, @Context SecurityContext security) {
        Access.requireRole(security, Protocol.PUBLISHER_ROLE, "publishing");
        if (draft == null) {
            throw InvalidInput.badRequest(null, "the body must be a JSON object with at least topic and title");
        }
        Access.requirePublisherOf(bulletin.config().topicPolicy(), security, draft.topic());
        Publication publication = bulletin.newsroom().publish(draft);
        StoredNews news = publication.news();
        Published answer = new Published(news.item().id(), news.topic(), news.cursor().toString(),
                news.item().publishedAt());
        return Response.status(publication.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(answer).build();
    }

    @GET
    public Response history(@QueryParam("topic") String topic, @QueryParam("after") String after,
                            @QueryParam("limit") @DefaultValue("50") String limit, @Context SecurityContext security) {
        if (!Protocol.isTopic(topic)) {
            throw new InvalidInput(ErrorCode.BAD_TOPIC, "topic", "topic is required and must match "
                    + "[a-z0-9][a-z0-9._-]{0,63}");
        }
        requireCursor(after);
        Access.requireReader(bulletin.config().topicPolicy(), security, topic);
        Optional<List<StoredNews>> items = bulletin.newsroom().history(topic, after, limit(limit));
        if (items.isEmpty()) {
            return Problem.cursorGone(after);
        }
        return Response.ok(items.get().stream().map(NewsEntry::of).toList()).build();
    }

    /** A malformed {@code after} is the client's mistake (400); a well-formed one that cannot be resumed is 410. */
    static void requireCursor(String after) {
        if (after != null && Cursor.parse(after).isEmpty()) {
            throw InvalidInput.badRequest("after", "after must be a cursor as the server gave it (epoch:seq)");
        }
    }

    static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInput.badRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
