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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-node delivery latency of a running two-node cluster (servers/cluster): one subscriber on
 * each node, items published one at a time through node a's REST API; for each item, the time
 * from sending the POST to the frame's arrival on node a and on node b. JDK only:
 *
 *   java bench/CrossNode.java [items=500] [a=http://127.0.0.1:8080/bulletin/] [b=http://127.0.0.1:8180/bulletin/]
 */
public class CrossNode {

    private static final Pattern TITLE = Pattern.compile("\"title\":\"item (\\d+)\"");

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        String a = args.length > 1 ? args[1] : "http://127.0.0.1:8080/bulletin/";
        String b = args.length > 2 ? args[2] : "http://127.0.0.1:8180/bulletin/";
        String topic = "crossnode-" + Long.toHexString(System.nanoTime());
        HttpClient http = HttpClient.newHttpClient();
        Arrival onA = subscribe(http, a, topic);
        Arrival onB = subscribe(http, b, topic);
        String auth = "Basic " + Base64.getEncoder().encodeToString("publisher:publisher-secret"
                .getBytes(StandardCharsets.UTF_8));

        long[] local = new long[items];
        long[] remote = new long[items];
        for (int i = 0; i < items; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(a + "api/news"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"" + topic + "\",\"title\":\"item " + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("publish answered " + answer.statusCode() + ": " + answer.body());
            }
            local[i] = onA.await(i) - start;
            remote[i] = onB.await(i) - start;
        }
        report("publish -> subscriber on node a (same node)", local);
        report("publish -> subscriber on node b (over JMS)", remote);
        System.exit(0);
    }

    private static Arrival subscribe(HttpClient http, String base, String topic) throws Exception {
        Arrival arrival = new Arrival();
        WebSocket socket = http.newWebSocketBuilder().subprotocols("bulletin.v1.json")
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "ws/news"), arrival).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"subscribe\",\"ref\":\"1\",\"topics\":[\"" + topic + "\"]}", true);
        arrival.await(-1);
        return arrival;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-48s p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** The arrival times of the items' frames on one socket (-1 stands for the "subscribed" answer). */
    private static final class Arrival implements WebSocket.Listener {
        private final BlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                Matcher title = TITLE.matcher(frame);
                if (title.find()) {
                    arrivals.add(new long[] {Long.parseLong(title.group(1)), System.nanoTime()});
                } else if (frame.contains("\"type\":\"subscribed\"")) {
                    arrivals.add(new long[] {-1, System.nanoTime()});
                }
            }
            socket.request(1);
            return null;
        }

        long await(int item) throws InterruptedException {
            long[] arrival = arrivals.poll(30, TimeUnit.SECONDS);
            if (arrival == null || arrival[0] != item) {
                throw new IllegalStateException("expected item " + item + ", got " + Arrays.toString(arrival));
            }
            return arrival[1];
        }
    }
}
