package dev.bulletin.client;

import dev.bulletin.protocol.StreamId;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.BulletinConfig;
import dev.bulletin.endpoint.EmbeddedServer;
import dev.bulletin.hub.Identity;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.testing.ClientRecorder;
import dev.bulletin.testing.FreezingProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The Java client over real sockets against embedded Tyrus, with connections dropped by the server, in each subprotocol. */
@ParameterizedClass
@ValueSource(strings = {Protocol.V1, Protocol.V1_CBOR})
class BulletinClientTest {

    @Parameter
    String protocol;

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(200));

    private EmbeddedServer server;
    private final ClientRecorder recorder = new ClientRecorder(Duration.ofSeconds(10));
    private BulletinClient client;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private BulletinClient.Builder speaking(BulletinClient.Builder builder) {
        return Protocol.V1_CBOR.equals(protocol) ? builder.cbor() : builder;
    }

    private URI base() {
        return server.uri("/");
    }

    private void publish(String topic, String title) {
        server.bulletin().newsroom().publish(NewsDraft.of(topic, title));
    }

    private BulletinClient notificationsOf(String user, String httpSession) {
        return speaking(BulletinClient.notifications(base())).backoff(QUICK).listener(recorder)
                .tickets(() -> server.bulletin().tickets().issue(new Identity(user, Set.of(), httpSession)))
                .connect();
    }

    @Test
    void everyItemOnceAndInOrderWhileTheServerDropsTheConnection() {
        client = speaking(BulletinClient.news(base())).backoff(QUICK).listener(recorder).connect();
        client.subscribe("world");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.bulletin().hub().members(StreamId.topic("world")).size() == 1);
        publish("world", "item 0");
        assertEquals("item 0", recorder.news().item().title());

        List<String> expected = IntStream.range(0, 300).mapToObj(i -> "item " + i).toList();
        for (int i = 1; i < expected.size(); i++) {
            publish("world", expected.get(i));
            if (i % 75 == 0) {
                server.bulletin().hub().closeAll(CloseCode.GOING_AWAY, "test drops it");
            }
        }
        List<String> received = new ArrayList<>(List.of("item 0"));
        while (received.size() < expected.size()) {
            received.add(recorder.news().item().title());
        }
        assertEquals(expected, received);
        assertNull(recorder.nextNews(Duration.ofMillis(300)), "nothing twice");
        assertEquals(List.of(), recorder.gaps);
    }

    @Test
    void unreadNotificationsReplayedAfterAReconnectAreNotDeliveredTwice() {
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> server.bulletin().notifications()
                .notify(NotificationDraft.of(Audience.users("alice"), "n" + i)).id()).toList();
        client = notificationsOf("alice", "h-alice");
        List<String> first = List.of(recorder.notification().item().id(), recorder.notification().item().id(),
                recorder.notification().item().id());
        assertEquals(ids, first);

        server.bulletin().hub().closeAll(CloseCode.GOING_AWAY, "test drops it");
        recorder.awaitState(BulletinListener.State.RECONNECTING);
        recorder.awaitState(BulletinListener.State.CONNECTED);
        String later = server.bulletin().notifications().notify(NotificationDraft.of(Audience.users("alice"), "later")).id();
        assertEquals(later, recorder.notification().item().id(), "the three unread ones replayed are not delivered again");
    }

    @Test
    void anAckIsReportedAsRead() {
        String id = server.bulletin().notifications().notify(NotificationDraft.of(Audience.users("bob"), "hi")).id();
        client = notificationsOf("bob", "h-bob");
        assertEquals(id, recorder.notification().item().id());
        client.ack(id);
        assertEquals(List.of(id), recorder.read());
    }

    @Test
    void theEndOfTheLoginStopsTheClientWith4001() {
        client = notificationsOf("carol", "h-carol");
        recorder.awaitState(BulletinListener.State.CONNECTED);
        server.bulletin().endHttpSession("h-carol");
        recorder.awaitState(BulletinListener.State.STOPPED);
        assertEquals(4001, recorder.stoppedWith);
    }

    @Test
    void aConnectionThatGoesSilentIsReplaced() throws Exception {
        server.close();
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withHeartbeatMillis(200));
        try (FreezingProxy proxy = new FreezingProxy(server.uri("/").getPort())) {
            client = speaking(BulletinClient.news(URI.create("ws://localhost:" + proxy.port() + "/bulletin/")))
                    .backoff(QUICK).listener(recorder).connect();
            client.subscribe("world");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.bulletin().hub().members(StreamId.topic("world")).size() == 1);
            publish("world", "before");
            assertEquals("before", recorder.news().item().title());

            proxy.freeze(); // no close, no error: the path just goes quiet
            publish("world", "while silent");
            recorder.awaitState(BulletinListener.State.RECONNECTING);
            recorder.awaitState(BulletinListener.State.CONNECTED);
            assertEquals("while silent", recorder.news().item().title(), "resumed on the new connection");
            publish("world", "after");
            assertEquals("after", recorder.news().item().title());
        }
    }
}
