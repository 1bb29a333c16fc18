package dev.bulletin.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.MalformedURLException;
import java.net.URI;

/**
 * Tests that deploy and undeploy the WAR Maven built themselves, to see what clients live through
 * an undeploy or a redeploy. Each test deploys first and undeploys before it ends.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class RedeployedWar {

    static final String NAME = "bulletin";
    static final String BASE = "http://127.0.0.1:8080/bulletin/";

    @ArquillianResource
    Deployer deployer;

    final Server server;

    RedeployedWar() {
        try {
            server = new Server(URI.create(BASE).toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive war() {
        return DeployedWar.archive();
    }
}
