import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the transactional outbox adds between a publish and its frame, against examples/orders
 * running on a server: alice is connected to /ws/notifications; one request at a time, alternating,
 * (a) POST /api/orders places an order, whose notice Publisher writes into the outbox in the
 * order's transaction and the relay moves out after the commit, and (b) POST /bulletin/api/notifications
 * publishes a notice directly. Reports request-to-frame p50/p99 of each after a warm-up. JDK only:
 *
 *   java bench/Outbox.java [rounds=500] [base=http://127.0.0.1:8080/orders/]
 */
public class Outbox {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        String base = args.length > 1 ? args[1] : "http://127.0.0.1:8080/orders/";
        String run = Long.toHexString(System.nanoTime());
        HttpClient http = HttpClient.newHttpClient();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder().subprotocols("bulletin.v1.json")
                .header("Authorization", basic("alice", "alice-secret"))
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "ws/notifications"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            frames.add(text.toString());
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        int warmUp = Math.max(50, rounds / 5);
        long[] outbox = new long[rounds];
        long[] direct = new long[rounds];
        for (int i = -warmUp; i < rounds; i++) {
            String marker = "bench-" + run + "-" + (i + warmUp);
            long viaOutbox = time(http, frames, marker + "-o", HttpRequest.newBuilder(URI.create(base + "api/orders"))
                    .header("Authorization", basic("alice", "alice-secret"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"" + marker + "-o\"}")), 201);
            long viaRest = time(http, frames, marker + "-d", HttpRequest.newBuilder(URI.create(base
                            + "bulletin/api/notifications"))
                    .header("Authorization", basic("publisher", "publisher-secret"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + marker + "-d\",\"title\":\"Direct\",\"body\":\""
                            + marker + "-d\",\"to\":{\"users\":[\"alice\"]}}")), 202);
            if (i >= 0) {
                outbox[i] = viaOutbox;
                direct[i] = viaRest;
            }
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        report("outbox (POST /api/orders, Publisher in the order's transaction)", outbox);
        report("direct (POST /bulletin/api/notifications)", direct);
    }

    /** Sends the request and waits for the notification frame whose body is {@code marker}; nanoseconds. */
    private static long time(HttpClient http, BlockingQueue<String> frames, String marker, HttpRequest.Builder request,
                             int status) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
        }
        for (;;) {
            String frame = frames.poll(30, TimeUnit.SECONDS);
            if (frame == null) {
                throw new IllegalStateException("no frame for " + marker + " within 30 s");
            }
            if (frame.contains("\"body\":\"" + marker + "\"")) {
                return System.nanoTime() - start;
            }
        }
    }

    private static void report(String path, long[] latencies) {
        Arrays.sort(latencies);
        System.out.printf("%s: request-to-frame p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d rounds)%n", path,
                latencies[latencies.length / 2] / 1e6, latencies[latencies.length * 99 / 100] / 1e6,
                latencies[latencies.length - 1] / 1e6, latencies.length);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
