package dev.bulletin.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A body that is not JSON, or not of the expected shape, answers 400 instead of a stack trace. */
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return Problem.response(Response.Status.BAD_REQUEST, "bad-request",
                "the body is not a JSON object of the expected shape: " + cause.getMessage(), null);
    }
}
