package dev.bulletin.examples.orders;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.net.URI;

/** {@code /api/orders}: a signed-in customer places orders; anyone may ship one (it is an example). */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    Orders orders;

    /** The body of a new order. */
    public record NewOrder(String item) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(NewOrder body, @QueryParam("decline") boolean decline, @Context SecurityContext security) {
        if (security.getUserPrincipal() == null) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        try {
            Order order = orders.place(security.getUserPrincipal().getName(), body.item(), decline);
            return Response.created(URI.create("orders/" + order.getId())).entity(order).build();
        } catch (IllegalStateException declined) {
            return Response.status(Response.Status.PAYMENT_REQUIRED).build();
        }
    }

    @POST
    @Path("/{id}/ship")
    public Response ship(@PathParam("id") String id) {
        return orders.ship(id).map(order -> Response.ok(order).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).build());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return orders.find(id).map(order -> Response.ok(order).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).build());
    }
}
