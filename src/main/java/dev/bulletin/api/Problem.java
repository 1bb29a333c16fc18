package dev.bulletin.api;

import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * An RFC 9457 problem document; {@code field} names the member of the request at fault.
 * The {@code type} is a stable identifier of the error code, not a page to fetch.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** 410 for an {@code after} cursor that cannot be answered without a gap; the client fetches without it. */
    static Response cursorGone(String after) {
        return response(Response.Status.GONE, "cursor-gone", "cursor '" + after + "' cannot be resumed: it is older"
                + " than what is kept or from another life of the store; fetch without after", "after");
    }

    /** What the server itself answered, without a body: its status as the code, in words as the detail. */
    static Problem answered(Response.Status status, String detail) {
        return new Problem("urn:bulletin:problem:" + status.getReasonPhrase().toLowerCase(Locale.ROOT)
                .replace(' ', '-'), status.getReasonPhrase(), status.getStatusCode(), detail != null ? detail
                : "the request was answered " + status.getStatusCode() + " " + status.getReasonPhrase() + " by the server",
                null);
    }

    public static Response response(Response.Status status, String code, String detail, String field) {
        Problem problem = new Problem("urn:bulletin:problem:" + code, status.getReasonPhrase(), status.getStatusCode(),
                detail, field);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
