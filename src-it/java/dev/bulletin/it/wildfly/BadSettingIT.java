package dev.bulletin.it.wildfly;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad setting fails the deployment, with a message that names the setting (set here as configure-bulletin.cli does). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadSettingIT {

    private static final String SETTING = "bulletin.ticket-seconds";
    private static final String DEPLOYMENT = "bulletin-bad-setting.war";

    @Test
    void aBadSettingFailsTheDeploymentAndNamesIt() throws IOException {
        try (Management management = new Management()) {
            ModelNode configured = management.set(SETTING, new ModelNode("soon"));
            try {
                ModelNode result = management.deploy(DEPLOYMENT);
                assertFalse(Operations.isSuccessfulOutcome(result), "deployed in spite of the bad setting");
                String failure = Operations.getFailureDescription(result).asString();
                assertTrue(failure.contains("Setting " + SETTING + " has a bad value 'soon'"), failure);
            } finally {
                management.undeploy(DEPLOYMENT);
                management.set(SETTING, configured);
            }
        }
    }
}
