package dev.bulletin.hub;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;

/**
 * When a login made with a bearer token ends: the token's {@code exp}. Read only from a request the
 * container has authenticated with that token, so it checks nothing: the container's security
 * validated the signature, issuer, audience and expiry before Bulletin saw the request.
 */
public final class BearerExpiry {

    private BearerExpiry() {
    }

    /** Whether an {@code Authorization} header carries a bearer token. */
    public static boolean isBearer(String authorization) {
        return authorization != null && authorization.length() > 7
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The {@code exp} of the JWT in an {@code Authorization: Bearer} header; null for any other header or token. */
    public static Instant of(String authorization) {
        if (!isBearer(authorization)) {
            return null;
        }
        String[] parts = authorization.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(parts[1])))) {
            JsonObject claims = reader.readObject();
            return claims.get("exp") instanceof JsonNumber exp ? Instant.ofEpochSecond(exp.longValue()) : null;
        } catch (IllegalArgumentException | JsonException e) {
            return null; // not a JWT: an opaque token the container took by introspection has no exp to read
        }
    }
}
