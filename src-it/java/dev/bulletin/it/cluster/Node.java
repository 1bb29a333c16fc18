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
import java.util.Comparator;
import java.util.Map;
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
    /** The cluster profile's bulletin-jms.war: bulletin.war with the JMS entry. */
    private static final Path BULLETIN_WAR = Path.of(System.getProperty("bulletin.war"));
    /** bulletin.war itself. */
    static final Path BULLETIN_WEB_WAR = Path.of(System.getProperty("bulletin.web.war"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    private final int portOffset;
    private final Path war;
    private final String context;
    private final String probe;
    private final Path base;
    private Process process;

    /** A node serving Bulletin's WAR at {@code /bulletin/}. */
    Node(String name, int portOffset) {
        this(name, portOffset, BULLETIN_WAR, "bulletin", "api/stats");
    }

    /** A node serving this WAR at {@code /context/}: up once {@code probe}, a path under it, answers 200. */
    Node(String name, int portOffset, Path war, String context, String probe) {
        this.name = name;
        this.portOffset = portOffset;
        this.war = war;
        this.context = context;
        this.probe = probe;
        this.base = Path.of("target", "cluster", name).toAbsolutePath();
    }

    /** The management interface: the CLI, and what configure-observability.cli serves (Prometheus's page, health). */
    int managementPort() {
        return 9990 + portOffset;
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    URL url() {
        try {
            return URI.create("http://127.0.0.1:" + httpPort() + "/" + context + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the node (the first time on a fresh copy of the server's standalone directory) and waits for Bulletin. */
    void start() throws IOException {
        start(Map.of());
    }

    /** Starts the node with these environment variables besides the cluster's (Bulletin's settings, say). */
    void start(Map<String, String> environment) throws IOException {
        prepare();
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full-ha.xml", "-Djboss.server.base.dir=" + base, "-Djboss.node.name=" + name,
                "-Djboss.socket.binding.port-offset=" + portOffset)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        builder.environment().put("BULLETIN_CLUSTER_PASSWORD", CLUSTER_PASSWORD);
        builder.environment().putAll(environment);
        process = builder.start();
        await("node " + name + " serving " + context).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(this::serves);
    }

    /**
     * Adds a user to the node's ApplicationRealm, with WildFly's add-user.sh as an operator does: the
     * users that remote JMS clients connect as.
     */
    void addApplicationUser(String user, String password, String group) throws Exception {
        prepare();
        Process addUser = new ProcessBuilder(HOME.resolve("bin/add-user.sh").toString(), "-a", "-u", user, "-p",
                password, "-g", group, "-sc", base.resolve("configuration").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("add-user.log")
                        .toFile())).start();
        if (!addUser.waitFor(2, TimeUnit.MINUTES) || addUser.exitValue() != 0) {
            throw new IllegalStateException("add-user.sh failed; see " + base.resolve("add-user.log"));
        }
    }

    /**
     * Applies scripts of {@code wildfly-config/} to a fresh copy of the node's configuration (what an
     * earlier run left is removed), offline, as an operator does before a start; values the scripts
     * read from the environment are read as the node starts.
     */
    void configure(String... scripts) throws Exception {
        if (Files.exists(base)) {
            try (Stream<Path> old = Files.walk(base)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        prepare();
        StringBuilder commands = new StringBuilder("embed-server --server-config=standalone-full-ha.xml --std-out=discard\n");
        for (String script : scripts) {
            commands.append(Files.readString(Path.of("wildfly-config", script))).append('\n');
        }
        Path file = base.resolve("configure.cli");
        Files.writeString(file, commands);
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/jboss-cli.sh").toString(), "--file=" + file)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("configure.log").toFile()));
        builder.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + base);
        Process cli = builder.start();
        if (!cli.waitFor(3, TimeUnit.MINUTES) || cli.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli failed on " + String.join(", ", scripts) + "; see "
                    + base.resolve("configure.log"));
        }
    }

    /** The first time, a fresh copy of the server's standalone directory with the WAR in its deployments. */
    private void prepare() throws IOException {
        if (!Files.exists(base)) {
            copy(HOME.resolve("standalone"), base);
            Files.copy(war, base.resolve("deployments").resolve(context + ".war"));
        }
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
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + probe))
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
