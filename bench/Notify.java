import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Personal notifications against a running Bulletin: alice is connected to /ws/notifications;
 * the publisher sends N notifications to her through POST /api/notifications, one after another;
 * reports the publish rate and the POST-to-frame latency (p50/p99/max). JDK only:
 *
 *   java bench/Notify.java [count=500] [base=http://127.0.0.1:8080/bulletin/]
 */
public class Notify {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        String base = args.length > 1 ? args[1] : "http://127.0.0.1:8080/bulletin/";
        String run = Long.toHexString(System.nanoTime());
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[count];
        CountDownLatch received = new CountDownLatch(count);

        WebSocket socket = http.newWebSocketBuilder().subprotocols("bulletin.v1.json")
                .header("Authorization", basic("alice", "alice-secret"))
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "ws/notifications"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String frame = text.toString();
                            text.setLength(0);
                            int at = frame.indexOf("\"id\":\"bench-" + run + "-");
                            if (at >= 0) {
                                String id = frame.substring(at + 6, frame.indexOf('"', at + 6));
                                int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
                                latencies[n] = System.nanoTime() - sentAt.get(id);
                                received.countDown();
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = "bench-" + run + "-" + i;
            sentAt.put(id, System.nanoTime());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "api/notifications"))
                    .header("Authorization", basic("publisher", "publisher-secret"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"title\":\"Notification " + i
                            + "\",\"to\":{\"users\":[\"alice\"]}}")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!received.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(received.getCount() + " notifications never arrived");
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        Arrays.sort(latencies);
        System.out.printf("%d notifications in %.2f s: %.0f/s sequential; POST-to-frame p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                count, seconds, count / seconds, latencies[count / 2] / 1e6, latencies[count * 99 / 100] / 1e6,
                latencies[count - 1] / 1e6);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
