package dev.bulletin.it.cluster;

import dev.bulletin.it.Server;
import jakarta.json.JsonArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (Debian's package, {@code /usr/bin/prometheus}), run by the test on loopback with a
 * configuration of its own that scrapes one target every second, and asked through its HTTP API.
 */
final class Prometheus {

    static final int PORT = 19090;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path base = Path.of("target", "prometheus").toAbsolutePath();
    private Process process;

    /** Starts scraping {@code http://127.0.0.1:port/path}, as the job "bulletin". */
    void start(int port, String path) throws IOException {
        Files.createDirectories(base);
        Path config = base.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: bulletin
                    metrics_path: %s
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(path, port));
        process = new ProcessBuilder(System.getProperty("prometheus.binary", "/usr/bin/prometheus"),
                "--config.file=" + config, "--storage.tsdb.path=" + base.resolve("data"),
                "--web.listen-address=127.0.0.1:" + PORT)
                .redirectErrorStream(true).redirectOutput(base.resolve("prometheus.log").toFile()).start();
        await("Prometheus ready").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> status("/-/ready") == 200);
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** The value of a PromQL expression that yields one sample now; NaN while it yields none. */
    double query(String promql) {
        HttpResponse<String> answer = Server.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))));
        JsonArray result = Server.json(answer.body()).getJsonObject("data").getJsonArray("result");
        return result.isEmpty() ? Double.NaN
                : Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1));
    }

    /** Every series name Prometheus has, with its labels, as text. */
    String series() {
        return Server.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                + "/api/v1/series?match[]=" + URLEncoder.encode("{job=\"bulletin\"}", StandardCharsets.UTF_8)))).body();
    }

    private static int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
