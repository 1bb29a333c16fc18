import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fan-out throughput against a running Bulletin: S subscribers on one topic, one publisher
 * sending N publish frames over its own socket; reports the news frames delivered per second
 * until every subscriber had every item. JDK only, so it runs as a single-file program:
 *
 *   java bench/FanOut.java [subscribers=50] [items=2000] [url=ws://127.0.0.1:8080/bulletin/ws/news]
 *
 * The publisher waits for each item's "published" answer before the next after every 100
 * (a window), so a burst never outruns the per-session queue bound and evicts a subscriber.
 */
public class FanOut {

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        URI uri = URI.create(args.length > 2 ? args[2] : "ws://127.0.0.1:8080/bulletin/ws/news");
        String topic = "bench-" + Long.toHexString(System.nanoTime());
        HttpClient http = HttpClient.newHttpClient();

        CountDownLatch delivered = new CountDownLatch(subscribers * items);
        CountDownLatch subscribed = new CountDownLatch(subscribers);
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            WebSocket socket = http.newWebSocketBuilder().subprotocols("bulletin.v1.json")
                    .buildAsync(uri, new Counter(delivered, subscribed)).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"subscribe\",\"topics\":[\"" + topic + "\"]}", true);
            sockets.add(socket);
        }
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("subscribers did not all get 'subscribed'");
        }

        CountDownLatch published = new CountDownLatch(items);
        String auth = "Basic " + Base64.getEncoder().encodeToString("publisher:publisher-secret".getBytes());
        WebSocket publisher = http.newWebSocketBuilder().subprotocols("bulletin.v1.json").header("Authorization", auth)
                .buildAsync(uri, new Counter(published, new CountDownLatch(1))).get(10, TimeUnit.SECONDS);
        String summary = "x".repeat(60);
        long start = System.nanoTime();
        for (int i = 0; i < items; i++) {
            publisher.sendText("{\"type\":\"publish\",\"topic\":\"" + topic + "\",\"item\":{\"title\":\"" + i
                    + "\",\"summary\":\"" + summary + "\"}}", true).get();
            if (i % 100 == 99 && !awaitAtMost(published, items - i - 1)) {
                throw new IllegalStateException("publishes were not answered");
            }
        }
        boolean complete = delivered.await(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long frames = (long) subscribers * items - delivered.getCount();
        System.out.printf("subscribers=%d items=%d delivered=%d complete=%s seconds=%.2f frames/s=%.0f items/s=%.0f%n",
                subscribers, items, frames, complete, seconds, frames / seconds, items / seconds);
        for (WebSocket socket : sockets) {
            socket.sendClose(1000, "done");
        }
        publisher.sendClose(1000, "done");
    }

    private static boolean awaitAtMost(CountDownLatch latch, long remaining) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (latch.getCount() > remaining) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            latch.await(1, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Counts frames by type: news (or published) count down one latch, subscribed the other. */
    private static final class Counter implements WebSocket.Listener {
        private final CountDownLatch items;
        private final CountDownLatch subscribed;
        private final StringBuilder partial = new StringBuilder();

        Counter(CountDownLatch items, CountDownLatch subscribed) {
            this.items = items;
            this.subscribed = subscribed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.startsWith("{\"type\":\"news\"") || frame.startsWith("{\"type\":\"published\"")) {
                    items.countDown();
                } else if (frame.startsWith("{\"type\":\"subscribed\"")) {
                    subscribed.countDown();
                }
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
