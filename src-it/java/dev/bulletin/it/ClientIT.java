package dev.bulletin.it;

import dev.bulletin.client.Backoff;
import dev.bulletin.client.BulletinClient;
import dev.bulletin.client.BulletinListener;
import dev.bulletin.testing.ClientRecorder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java client against the deployed WAR: the application is redeployed while items are being
 * published, and the client's application still sees every item once, in order.
 */
class ClientIT extends RedeployedWar {

    private static final int ITEMS = 60;

    /** A redeploy takes a while: the client waits up to a minute for what comes after it. */
    private final ClientRecorder recorder = new ClientRecorder(Duration.ofSeconds(60));
    private final List<String> received = new ArrayList<>();

    @Test
    void everyItemOnceAndInOrderAcrossARedeploy() throws Exception {
        deployer.deploy(NAME);
        String topic = Server.freshTopic("client");
        server.publish(topic, "item 0");
        BulletinClient client = BulletinClient.news(URI.create(BASE))
                .backoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .listener(recorder).connect();
        try {
            client.subscribe(1, topic);
            assertEquals("item 0", next(), "the recent item starts the topic's cursor");
            received.add("item 0");

            CountDownLatch undeployed = new CountDownLatch(1);
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                for (int i = 1; i < ITEMS; i++) {
                    if (i == ITEMS / 3) {
                        awaitUninterruptibly(undeployed);
                    }
                    publishUntilAccepted(server, topic, i);
                }
            });
            awaitTitle("item 10");
            deployer.undeploy(NAME);
            undeployed.countDown(); // the rest is published while the application is away and coming back
            recorder.awaitState(BulletinListener.State.RECONNECTING);
            deployer.deploy(NAME);
            publishing.get(2, TimeUnit.MINUTES);

            while (received.size() < ITEMS) {
                received.add(next());
            }
            assertEquals(IntStream.range(0, ITEMS).mapToObj(i -> "item " + i).toList(), received);
            assertNull(recorder.nextNews(Duration.ofMillis(500)), "nothing twice");
        } finally {
            client.close();
            deployer.undeploy(NAME);
        }
    }

    /** Reads titles until this one, keeping them for the final comparison. */
    private void awaitTitle(String title) {
        String next;
        do {
            next = next();
            received.add(next);
        } while (!next.equals(title));
    }

    private String next() {
        return recorder.title();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(1, TimeUnit.MINUTES), "not undeployed within a minute");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Publishes item i with an idempotency id, again while the application is away, until it is accepted. */
    private static void publishUntilAccepted(Server server, String topic, int i) {
        String body = "{\"id\":\"" + topic + "-" + i + "\",\"topic\":\"" + topic + "\",\"title\":\"item " + i + "\"}";
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> server.post("api/news", body).statusCode(), status -> status == 201 || status == 200);
    }
}
