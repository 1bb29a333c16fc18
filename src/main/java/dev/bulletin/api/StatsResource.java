package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.hub.Stats;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    Bulletin bulletin;

    @GET
    public Stats stats() {
        return bulletin.hub().stats();
    }
}
