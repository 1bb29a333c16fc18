package dev.bulletin.it.wildfly;

import dev.bulletin.testing.RawWebSocket;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
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
    private static final String DEPLOYMENT = "bulletin-peer.war";
    private static final URI NEWS = URI.create("ws://127.0.0.1:8080/bulletin-peer/ws/news");

    @Test
    void aThirdConnectionFromOneAddressIsClosedWith1013AndAForgedAddressDoesNotHelp() throws IOException {
        try (Management management = new Management()) {
            ModelNode configured = management.set(SETTING, new ModelNode("2"));
            try {
                ModelNode result = management.deploy(DEPLOYMENT);
                assertTrue(Operations.isSuccessfulOutcome(result),
                        () -> Operations.getFailureDescription(result).asString());
                // each welcomed before the next opens: the server may run its opens in any order
                try (RawWebSocket first = RawWebSocket.open(NEWS)) {
                    assertEquals(RawWebSocket.TEXT, first.read().opcode());
                    try (RawWebSocket second = RawWebSocket.open(NEWS)) {
                        assertEquals(RawWebSocket.TEXT, second.read().opcode());
                        assertRefused(RawWebSocket.open(NEWS, Map.of("Bulletin-Peer-Address", "10.9.8.7"), 0));
                    }
                }
            } finally {
                management.undeploy(DEPLOYMENT);
                management.set(SETTING, configured);
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
}
