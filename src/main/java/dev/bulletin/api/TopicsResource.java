package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.TopicPolicy;
import dev.bulletin.protocol.StreamId;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Comparator;
import java.util.List;

@Path("/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicsResource {

    @Inject
    Bulletin bulletin;

    /** Topics that have been published to, by name; a private topic only to those who may read it. */
    @GET
    public List<TopicInfo> topics(@Context SecurityContext security) {
        TopicPolicy policy = bulletin.config().topicPolicy();
        return bulletin.newsroom().topics().stream()
                .filter(t -> policy.mayRead(t.name(), Access.user(security), security::isUserInRole))
                .map(t -> new TopicInfo(t.name(), bulletin.hub().subscriberCount(StreamId.topic(t.name())), t.lastCursor().toString()))
                .sorted(Comparator.comparing(TopicInfo::name))
                .toList();
    }

    public record TopicInfo(String name, int subscribers, String lastCursor) {
    }
}
