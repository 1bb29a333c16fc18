package dev.bulletin.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.URI;

/**
 * Sign-in with Keycloak on a server that servers/smoke started configured for its tokens
 * (servers/liberty-oidc.sh: Open Liberty's MicroProfile JWT); the tests are {@link SignInContract}'s.
 */
class OidcSmokeIT extends SignInContract {

    @BeforeAll
    static void start() throws IOException {
        KEYCLOAK.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        KEYCLOAK.stop();
    }

    @Override
    protected URI base() {
        return URI.create(System.getProperty("bulletin.url", "http://127.0.0.1:8080/bulletin/"));
    }
}
