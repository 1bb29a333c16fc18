package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.hub.Stats;
import dev.bulletin.store.jpa.Schema;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    Bulletin bulletin;

    @Inject
    Schema schema;

    @GET
    public Answer stats() {
        Map<String, Stats> nodes = bulletin.nodeStats();
        String node = bulletin.config().node();
        Stats here = nodes.get(node);
        Schema.Database database = schema.database();
        return new Answer(node, here.sessions(), here.subscriptions(), here.delivered(), here.dropped(),
                here.evicted(), nodes, nodes.values().stream().reduce(Stats.ZERO, Stats::plus),
                new Store(database.product(), database.schemaVersion()));
    }

    /**
     * This node's counters, each node's (the others' as of their last sweep, at most
     * {@link Bulletin#SWEEP} old), and their sum for the cluster; a single server is a cluster of one.
     * {@code store} names the database, so that nobody runs on an in-memory one by mistake.
     */
    public record Answer(String node, int sessions, long subscriptions, long delivered, long dropped, long evicted,
                         Map<String, Stats> nodes, Stats cluster, Store store) {
    }

    /** The database product and version, and the version of Bulletin's schema in it. */
    public record Store(String database, String schema) {
    }
}
