package dev.bulletin.api;

import dev.bulletin.protocol.ErrorCode;
import dev.bulletin.protocol.InvalidInput;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Bad input in a request body or query answers 400 (404 for ids that are not the caller's) naming the field. */
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Override
    public Response toResponse(InvalidInput e) {
        Response.Status status = switch (e.code()) {
            case ErrorCode.NOT_FOUND -> Response.Status.NOT_FOUND;
            case ErrorCode.FORBIDDEN -> Response.Status.FORBIDDEN;
            default -> Response.Status.BAD_REQUEST;
        };
        return Problem.response(status, e.code(), e.getMessage(), e.field());
    }
}
