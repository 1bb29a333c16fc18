package dev.bulletin.it.wildfly;

import dev.bulletin.it.DeployedWar;
import dev.bulletin.it.Server;
import dev.bulletin.testing.HostileFrame;
import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.bulletin.testing.Frames.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every hostile frame against WildFly (Undertow): the attacker is closed as RFC 6455 says, and a bystander keeps receiving. */
class HostileFramesIT extends DeployedWar {

    @Test
    void everyAttackerIsClosedAndABystanderKeepsReceiving() throws Exception {
        String topic = Server.freshTopic("hostile");
        List<String> wrong = new ArrayList<>();
        try (TestClient bystander = TestClient.connect(server.news())) {
            bystander.next("welcome");
            bystander.send(subscribe("1", topic));
            bystander.next("subscribed");
            for (HostileFrame frame : HostileFrame.values()) {
                try (RawWebSocket attacker = RawWebSocket.open(server.news())) {
                    attacker.readUntil(RawWebSocket.TEXT); // welcome
                    int answer = frame.sendTo(attacker);
                    if (answer != frame.expected) {
                        wrong.add(frame + ": " + answer);
                    }
                }
                server.publish(topic, frame.name());
                assertEquals(frame.name(), bystander.next("news").getJsonObject("item").getString("title"));
            }
        }
        assertEquals(List.of(), wrong, "answered otherwise than RFC 6455 says");
    }

    @Test
    void aPermessageDeflateOfferIsNotTakenUp() throws Exception {
        try (RawWebSocket offering = RawWebSocket.open(server.news(),
                Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"), 0)) {
            assertEquals(101, offering.status());
            assertNull(offering.responseHeader("sec-websocket-extensions"), "configure-bulletin.cli turns it off");
            assertTrue(offering.readUntil(RawWebSocket.TEXT).text().contains("\"welcome\""), "plain text frames");
        }
    }
}
