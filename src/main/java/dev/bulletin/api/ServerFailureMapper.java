package dev.bulletin.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failure on the server's side (the database unreachable, a bug) answers a 500 problem, not the
 * container's error page; the store's transaction was rolled back, so the request changed
 * nothing and may be retried (with the same {@code id}, it is published once).
 */
@Provider
public class ServerFailureMapper implements ExceptionMapper<RuntimeException> {

    private static final System.Logger LOG = System.getLogger(ServerFailureMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException answered) {
            return answered.getResponse();
        }
        LOG.log(System.Logger.Level.WARNING, "A request failed on the server; it is answered 500", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "server-error",
                "the request failed on the server and changed nothing; retry later", null);
    }
}
