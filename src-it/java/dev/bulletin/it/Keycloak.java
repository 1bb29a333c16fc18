package dev.bulletin.it;

import jakarta.json.JsonObject;

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
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real identity provider for the tests: Keycloak from Maven Central (the build unpacks it), in dev
 * mode on loopback, with the realms of {@code src-it/keycloak} imported afresh at each start:
 * "bulletin" (users alice, bob and publisher, their realm roles, the clients that ask for tokens) and
 * "elsewhere", a second issuer. It needs Java 21 or later: {@code keycloak.java.home}, else
 * {@code KEYCLOAK_JAVA_HOME}. Tokens come from its token endpoint, with the password grant of the
 * public client a test names.
 */
public final class Keycloak {

    /** Apart from every port of the suites' servers (WildFly's 8080 to 10390, offsets up to 400 included). */
    public static final int PORT = 18543;
    private static final Path HOME = Path.of(System.getProperty("keycloak.home"));
    private static final Path REALMS = Path.of("src-it", "keycloak");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Process process;

    /** The issuer URL of a realm, as tokens carry it in {@code iss}. */
    public static String issuer(String realm) {
        return "http://127.0.0.1:" + PORT + "/realms/" + realm;
    }

    public void start() throws IOException {
        Path data = HOME.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> old = Files.walk(data)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Path imports = Files.createDirectories(data.resolve("import"));
        try (Stream<Path> realms = Files.list(REALMS)) {
            for (Path realm : realms.toList()) {
                Files.copy(realm, imports.resolve(realm.getFileName()));
            }
        }
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + PORT, "--http-management-port=" + (PORT + 1000),
                "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "keycloak.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("keycloak.java.home",
                System.getenv().getOrDefault("KEYCLOAK_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")));
        process = builder.start();
        await("Keycloak serving its realms").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> serves("elsewhere") && serves("bulletin"));
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** An access token of the realm's user, asked for by the client (password grant). */
    public String token(String realm, String client, String user) {
        String form = "grant_type=password&client_id=" + encode(client) + "&username=" + encode(user)
                + "&password=" + encode(user + "-secret");
        HttpResponse<String> response = Server.send(HttpRequest.newBuilder(URI.create(issuer(realm)
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak's token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        JsonObject answer = Server.json(response.body());
        return answer.getString("access_token");
    }

    private static boolean serves(String realm) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/.well-known/openid-configuration"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
