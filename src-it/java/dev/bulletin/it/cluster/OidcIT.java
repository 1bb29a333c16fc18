package dev.bulletin.it.cluster;

import dev.bulletin.it.Keycloak;
import dev.bulletin.it.SignInContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.util.Map;

/**
 * Sign-in with Keycloak on WildFly: a node configured with wildfly-config/configure-oidc.cli
 * (elytron-oidc-client, bearer only) checks the tokens; the tests are {@link SignInContract}'s.
 */
class OidcIT extends SignInContract {

    private static final Node NODE = new Node("oidc", 400, Node.BULLETIN_WEB_WAR, "bulletin", "api/stats");

    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        KEYCLOAK.start();
        NODE.configure("configure-oidc.cli");
        NODE.start(Map.of("BULLETIN_OIDC_PROVIDER_URL", Keycloak.issuer("bulletin"),
                "BULLETIN_TOPIC_POLICY", "board.* board"));
        base = NODE.url().toURI();
    }

    @AfterAll
    static void stop() throws Exception {
        NODE.kill();
        KEYCLOAK.stop();
    }

    @Override
    protected URI base() {
        return base;
    }
}
