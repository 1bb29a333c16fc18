package dev.bulletin.api;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document; {@code field} names the member of the request at fault.
 * The {@code type} is a stable identifier of the error code, not a page to fetch.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String code, String detail, String field) {
        Problem problem = new Problem("urn:bulletin:problem:" + code, status.getReasonPhrase(), status.getStatusCode(),
                detail, field);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
