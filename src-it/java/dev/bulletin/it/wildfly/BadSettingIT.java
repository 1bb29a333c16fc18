package dev.bulletin.it.wildfly;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.Operation;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad setting fails the deployment, with a message that names the setting (set here as configure-bulletin.cli does). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadSettingIT {

    private static final String SETTING = "bulletin.ticket-seconds";

    @Test
    void aBadSettingFailsTheDeploymentAndNamesIt() throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", 9990)) {
            deployWithABadSetting(client);
        }
    }

    private static void deployWithABadSetting(ModelControllerClient client) throws IOException {
        ModelNode property = Operations.createAddress("system-property", SETTING);
        ModelNode deployment = Operations.createAddress("deployment", "bulletin-bad-setting.war");
        ModelNode configured = execute(client, Operations.createReadAttributeOperation(property, "value"));
        execute(client, Operations.createWriteAttributeOperation(property, "value", "soon"));
        try (InputStream war = Files.newInputStream(Path.of(System.getProperty("bulletin.war")))) {
            ModelNode add = Operations.createAddOperation(deployment);
            add.get("enabled").set(true);
            add.get("content").get(0).get("input-stream-index").set(0);
            ModelNode result = client
                    .execute(Operation.Factory.create(add, List.of(war)));
            assertFalse(Operations.isSuccessfulOutcome(result), "deployed in spite of the bad setting");
            String failure = Operations.getFailureDescription(result).asString();
            assertTrue(failure.contains("Setting " + SETTING + " has a bad value 'soon'"), failure);
        } finally {
            client.execute(Operations.createRemoveOperation(deployment));
            execute(client, Operations.createWriteAttributeOperation(property, "value", configured));
        }
    }

    private static ModelNode execute(ModelControllerClient client, ModelNode operation) throws IOException {
        ModelNode result = client.execute(operation);
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new AssertionError(operation + " failed: " + Operations.getFailureDescription(result));
        }
        return Operations.readResult(result);
    }
}
