package dev.bulletin.api;

import dev.bulletin.protocol.InvalidInput;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bad input in a request body or query answers 400 with a problem that names the field. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Override
    public Response toResponse(InvalidInput e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.code(), e.getMessage(), e.field());
    }
}
