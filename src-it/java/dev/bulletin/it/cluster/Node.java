package dev.bulletin.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One node of the two-node cluster: the WildFly the build configured for it (standalone-full-ha.xml),
 * run as a process of its own with its own base directory, name and port offset. A kill is a
 * SIGKILL of the server's JVM, not a shutdown.
 */
final class Node {

    /** The cluster password the test nodes share; configure-cluster.cli reads it from the environment. */
    static final String CLUSTER_PASSWORD = "cluster-it-password";

    private static final Path HOME = Path.of(System.getProperty("jboss.home"));
    private static final Path WAR = Path.of(System.getProperty("bulletin.war"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    private final int portOffset;
    private final Path base;
    private Process process;

    Node(String name, int portOffset) {
        this.name = name;
        this.portOffset = portOffset;
        this.base = Path.of("target", "cluster", name).toAbsolutePath();
    }

    URL url() {
        try {
            return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/bulletin/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the node (the first time on a fresh copy of the server's standalone directory) and waits for Bulletin. */
    void start() throws IOException {
        if (!Files.exists(base)) {
            copy(HOME.resolve("standalone"), base);
            Files.copy(WAR, base.resolve("deployments/bulletin.war"));
        }
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full-ha.xml", "-Djboss.server.base.dir=" + base, "-Djboss.node.name=" + name,
                "-Djboss.socket.binding.port-offset=" + portOffset)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        builder.environment().put("BULLETIN_CLUSTER_PASSWORD", CLUSTER_PASSWORD);
        process = builder.start();
        await("node " + name + " serving Bulletin").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(this::serves);
    }

    /** Kills the server's JVM with SIGKILL: no shutdown hook, no close frame to its clients. */
    void kill() throws Exception {
        if (process == null) {
            return;
        }
        for (ProcessHandle handle : Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList()) {
            handle.destroyForcibly();
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
        process = null;
    }

    private boolean serves() {
        if (!process.isAlive()) {
            throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see "
                    + base.resolve("console.log"));
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "api/stats"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
