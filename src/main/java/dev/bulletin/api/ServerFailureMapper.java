package dev.bulletin.api;

import dev.bulletin.Bulletin;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A failure on the server's side (the database unreachable, a bug) answers a 500 problem, not the
 * container's error page; the store's transaction was rolled back, so the request changed
 * nothing and may be retried (with the same {@code id}, it is published once). Any exception:
 * a commit that fails throws the transaction's checked {@code RollbackException}.
 */
public class ServerFailureMapper implements ExceptionMapper<Exception> {

    private static final System.Logger LOG = System.getLogger(ServerFailureMapper.class.getName());

    @Inject
    Bulletin bulletin;

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException answered) {
            return problem(answered.getResponse());
        }
        if (bulletin.storeFailing()) {
            // part of an outage that is logged as a whole, as it starts and as it ends
            LOG.log(System.Logger.Level.DEBUG, "A request failed while the store is down; it is answered 500");
        } else {
            LOG.log(System.Logger.Level.WARNING, "A request failed on the server; it is answered 500", e);
        }
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "server-error",
                "the request failed on the server and changed nothing; retry later", null);
    }

    /**
     * The container's own answer (404 for no such path, 405 with its {@code Allow}, 406, 415) as a
     * problem with its headers kept; an answer that has a body already is left as it is.
     */
    private static Response problem(Response answer) {
        Response.Status status = Response.Status.fromStatusCode(answer.getStatus());
        if (answer.hasEntity() || status == null) {
            return answer;
        }
        return Response.fromResponse(answer).type(Problem.MEDIA_TYPE).entity(Problem.answered(status, null)).build();
    }
}
