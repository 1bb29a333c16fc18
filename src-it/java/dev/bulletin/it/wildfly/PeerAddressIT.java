package dev.bulletin.it.wildfly;

import dev.bulletin.testing.RawWebSocket;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Undertow the client's address reaches the handshake through {@code PeerAddress}, so
 * {@code bulletin.max-connections-per-address} holds, and a client cannot claim another address.
 * A deployment of its own, with the setting at 2 (set as configure-bulletin.cli does).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PeerAddressIT {

    private static final String SETTING = "bulletin.max-connections-per-address";
    private static final URI NEWS = URI.create("ws://127.0.0.1:8080/bulletin-peer/ws/news");

    @Test
    void aThirdConnectionFromOneAddressIsClosedWith1013AndAForgedAddressDoesNotHelp() throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", 9990)) {
            ModelNode property = Operations.createAddress("system-property", SETTING);
            ModelNode deployment = Operations.createAddress("deployment", "bulletin-peer.war");
            ModelNode configured = execute(client, Operations.createReadAttributeOperation(property, "value"));
            execute(client, Operations.createWriteAttributeOperation(property, "value", "2"));
            try {
                deploy(client, deployment);
                // each welcomed before the next opens: the server may run its opens in any order
                try (RawWebSocket first = RawWebSocket.open(NEWS)) {
                    assertEquals(RawWebSocket.TEXT, first.read().opcode());
                    try (RawWebSocket second = RawWebSocket.open(NEWS)) {
                        assertEquals(RawWebSocket.TEXT, second.read().opcode());
                        assertRefused(RawWebSocket.open(NEWS, Map.of("Bulletin-Peer-Address", "10.9.8.7"), 0));
                    }
                }
            } finally {
                client.execute(Operations.createRemoveOperation(deployment));
                execute(client, Operations.createWriteAttributeOperation(property, "value", configured));
            }
        }
    }

    private static void assertRefused(RawWebSocket forged) throws IOException {
        try (forged) {
            RawWebSocket.Frame refused = forged.read();
            assertEquals(RawWebSocket.CLOSE, refused.opcode());
            assertEquals(1013, refused.closeCode());
            assertTrue(refused.text().contains("too many connections from this address"), refused.text());
        }
    }

    private static void deploy(ModelControllerClient client, ModelNode deployment) throws IOException {
        try (InputStream war = Files.newInputStream(Path.of(System.getProperty("bulletin.war")))) {
            ModelNode add = Operations.createAddOperation(deployment);
            add.get("enabled").set(true);
            add.get("content").get(0).get("input-stream-index").set(0);
            ModelNode result = client.execute(Operation.Factory.create(add, List.of(war)));
            assertTrue(Operations.isSuccessfulOutcome(result), () -> Operations.getFailureDescription(result).asString());
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
