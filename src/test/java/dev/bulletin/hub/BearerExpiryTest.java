package dev.bulletin.hub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BearerExpiryTest {

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String jwt(String claims) {
        return part("{\"alg\":\"RS256\"}") + "." + part(claims) + ".c2ln";
    }

    @Test
    void theExpiryIsTheTokensExpClaim() {
        assertEquals(Instant.ofEpochSecond(1_800_000_000L),
                BearerExpiry.of("Bearer " + jwt("{\"sub\":\"alice\",\"exp\":1800000000}")));
        assertEquals(Instant.ofEpochSecond(1_800_000_000L),
                BearerExpiry.of("bearer  " + jwt("{\"exp\":1800000000}") + " "), "the scheme in any case, spaces around");
    }

    @Test
    void anythingElseHasNoExpiry() {
        assertNull(BearerExpiry.of(null));
        assertNull(BearerExpiry.of("Basic YWxpY2U6eA=="));
        assertNull(BearerExpiry.of("Bearer "));
        assertNull(BearerExpiry.of("Bearer opaque-token"), "an opaque token the container introspected");
        assertNull(BearerExpiry.of("Bearer " + jwt("{\"sub\":\"alice\"}")), "no exp");
        assertNull(BearerExpiry.of("Bearer " + jwt("{\"exp\":\"soon\"}")), "an exp that is no number");
        assertNull(BearerExpiry.of("Bearer a.!!!.c"), "not base64url");
        assertNull(BearerExpiry.of("Bearer " + part("{\"alg\":\"none\"}") + "." + part("[1]") + ".x"), "not an object");
        assertNull(BearerExpiry.of("Bearer " + part("{}") + "." + part("{\"exp\":") + ".x"), "not JSON");
    }
}
