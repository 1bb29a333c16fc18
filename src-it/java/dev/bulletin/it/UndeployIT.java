package dev.bulletin.it;

import dev.bulletin.testing.TestClient;
import jakarta.websocket.CloseReason;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Undeploying the application closes its connections with 1001, so clients reconnect and resume. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployIT {

    private static final String NAME = "bulletin";

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive war() {
        return DeployedWar.archive();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void undeployClosesEveryConnectionWith1001() {
        deployer.deploy(NAME);
        try (TestClient first = TestClient.connect(URI.create("ws://127.0.0.1:8080/bulletin/ws/news"));
             TestClient second = TestClient.connect(URI.create("ws://127.0.0.1:8080/bulletin/ws/news"))) {
            first.next("welcome");
            second.next("welcome");
            deployer.undeploy(NAME);
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, first.awaitClose().getCloseCode());
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, second.awaitClose().getCloseCode());
        }
    }
}
