package dev.bulletin.it.wildfly;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.Operation;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test server's management API, as the tests that deploy the WAR under a name of their own
 * with one setting changed use it: set the setting as configure-bulletin.cli does, deploy, put
 * everything back.
 */
final class Management implements AutoCloseable {

    private final ModelControllerClient client;

    Management() throws IOException {
        client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", 9990);
    }

    /** Gives the setting's system property this value; answers the value it had, for {@link #set} afterwards. */
    ModelNode set(String setting, ModelNode value) throws IOException {
        ModelNode property = Operations.createAddress("system-property", setting);
        ModelNode configured = execute(Operations.createReadAttributeOperation(property, "value"));
        execute(Operations.createWriteAttributeOperation(property, "value", value));
        return configured;
    }

    /** Deploys the WAR the build made under this name; the management API's answer, successful or not. */
    ModelNode deploy(String name) throws IOException {
        try (InputStream war = Files.newInputStream(Path.of(System.getProperty("bulletin.war")))) {
            ModelNode add = Operations.createAddOperation(Operations.createAddress("deployment", name));
            add.get("enabled").set(true);
            add.get("content").get(0).get("input-stream-index").set(0);
            return client.execute(Operation.Factory.create(add, List.of(war)));
        }
    }

    void undeploy(String name) throws IOException {
        client.execute(Operations.createRemoveOperation(Operations.createAddress("deployment", name)));
    }

    private ModelNode execute(ModelNode operation) throws IOException {
        ModelNode result = client.execute(operation);
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new AssertionError(operation + " failed: " + Operations.getFailureDescription(result));
        }
        return Operations.readResult(result);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
