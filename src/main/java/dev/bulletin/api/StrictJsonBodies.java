package dev.bulletin.api;

import dev.bulletin.protocol.Codec;
import jakarta.json.JsonReader;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads every JSON request body once as strictly as a WebSocket frame (no repeated key, the
 * parser's limits on nesting and number length, at most 256 KiB) before JSON-B binds it: JSON-B
 * alone lets the last of two keys win and skips unknown members however deep they nest. A POST in
 * any other type is refused with 415, so that a page of another site cannot make one without
 * the browser's CORS preflight.
 */
// before matching, so that its 415 comes before the one the container would give without a body
@PreMatching
public class StrictJsonBodies implements ContainerRequestFilter {

    /** Enough for a notification to 1,000 users; a news item is at most about 7 KiB. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        boolean json = request.getMediaType() != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType());
        if (HttpMethod.POST.equals(request.getMethod()) && !json) {
            // a cross-site form can POST text/plain or form data without asking the browser's CORS preflight first
            request.abortWith(Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "a POST must be sent with Content-Type: application/json (an empty body is fine where none is"
                            + " needed)", null));
            return;
        }
        if (!request.hasEntity() || !json) {
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_BODY_BYTES + 1);
        request.setEntityStream(new ByteArrayInputStream(body));
        if (body.length == 0) {
            return; // a POST with no body, such as POST /api/tickets
        }
        if (body.length > MAX_BODY_BYTES) {
            request.abortWith(Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "bad-request",
                    "the body is over " + MAX_BODY_BYTES / 1024 + " KiB", null));
            return;
        }
        try (JsonReader reader = Codec.STRICT.createReader(new ByteArrayInputStream(body))) {
            reader.readValue();
        } catch (RuntimeException e) {
            request.abortWith(Problem.response(Response.Status.BAD_REQUEST, "bad-request",
                    "the body is not valid JSON, repeats a key, or nests too deep", null));
        }
    }
}
