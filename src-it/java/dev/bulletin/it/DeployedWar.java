package dev.bulletin.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;

/** Tests that call the WAR Maven built, deployed on the managed WildFly, from outside as clients do. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedWar {

    @ArquillianResource
    protected URL base;

    protected Server server;

    /** The archive under test: always the one the build produced, never one assembled here. */
    static WebArchive archive() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("bulletin.war")));
    }

    @Deployment(testable = false)
    static WebArchive war() {
        return archive();
    }

    @BeforeEach
    protected void server() {
        server = new Server(base);
    }
}
