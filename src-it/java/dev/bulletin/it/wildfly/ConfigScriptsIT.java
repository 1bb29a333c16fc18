package dev.bulletin.it.wildfly;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every configure script of wildfly-config/ applies to the dist's own configuration, and its
 * restore script brings the management model back exactly as it was; then configure works again.
 * Offline, on a copy of the dist's configuration (never the test server's), with the CLI an operator uses.
 */
class ConfigScriptsIT {

    private static final Path HOME = Path.of(System.getProperty("jboss.home"));
    private static final Path SCRIPTS = Path.of("wildfly-config");
    private static final String MARK = "=== ";

    @TempDir
    Path base;

    @ParameterizedTest
    @ValueSource(strings = {"bulletin", "users", "postgresql", "cluster", "jms", "oidc", "observability", "tracing"})
    void restoreUndoesConfigureExactly(String pair) throws Exception {
        Path dist = HOME.resolve("standalone/configuration");
        Path configuration = Files.createDirectories(base.resolve("configuration"));
        for (String file : List.of("logging.properties", "application-users.properties",
                "application-roles.properties", "mgmt-users.properties", "mgmt-groups.properties")) {
            Files.copy(dist.resolve(file), configuration.resolve(file));
        }
        // configure-cluster.cli and configure-jms.cli are for the dist's standalone-full-ha.xml, which the build leaves as it is
        String original = pair.equals("cluster") || pair.equals("jms") ? "standalone-full-ha.xml" : "standalone-dist.xml";
        Files.copy(dist.resolve(original), configuration.resolve("standalone.xml"));
        String configure = Files.readString(SCRIPTS.resolve("configure-" + pair + ".cli"));
        String restore = Files.readString(SCRIPTS.resolve("restore-" + pair + ".cli"));

        // as an operator does after a script, the server reloads (the Prometheus registry's management context
        // leaves only then)
        String reload = "\nreload --admin-only=true\n";
        Map<String, String> models = run(base, "embed-server --std-out=discard\n"
                + model("dist") + configure + model("configured") + restore + reload + model("restored")
                + configure + model("configured again") + restore + reload + model("restored again"));

        assertEquals(List.of("dist", "configured", "restored", "configured again", "restored again"),
                List.copyOf(models.keySet()), "every step ran");
        assertNotEquals(models.get("dist"), models.get("configured"), "configure-" + pair + " changed nothing");
        assertEquals(models.get("dist"), models.get("restored"), "restore-" + pair + " left a difference");
        assertEquals(models.get("configured"), models.get("configured again"));
        assertEquals(models.get("dist"), models.get("restored again"));
    }

    /** The model without the answer's headers, which say whether a reload is pending, not what is configured. */
    private static String withoutHeaders(String answer) {
        return answer.replaceAll(",\n\\s*\"response-headers\" => \\{[^\n]*}\n", "\n");
    }

    private static String model(String step) {
        return "\necho " + MARK + step + "\n:read-resource(recursive=true)\n";
    }

    /** Runs the commands with jboss-cli; the model each marked step printed, by step. Fails on any failed command. */
    private static Map<String, String> run(Path base, String commands) throws IOException, InterruptedException {
        Path file = Files.createTempFile("scripts", ".cli");
        Files.writeString(file, commands);
        Path output = Files.createTempFile("scripts", ".out");
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/jboss-cli.sh").toString(), "--file=" + file)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + base); // not the test server's own
        Process cli = builder.start();
        assertTrue(cli.waitFor(3, TimeUnit.MINUTES), "jboss-cli did not finish");
        String printed = Files.readString(output);
        assertEquals(0, cli.exitValue(), printed);
        Map<String, String> steps = new LinkedHashMap<>();
        String step = null;
        StringBuilder text = new StringBuilder();
        for (String line : printed.split("\n")) {
            if (line.startsWith(MARK)) {
                if (step != null) {
                    steps.put(step, withoutHeaders(text.toString()));
                }
                step = line.substring(MARK.length()).trim();
                text.setLength(0);
            } else if (step != null && (!text.isEmpty() || line.equals("{")) && !text.toString().endsWith("\n}\n")) {
                text.append(line).append('\n'); // the model only, not what the script after it printed
            }
        }
        if (step != null) {
            steps.put(step, withoutHeaders(text.toString()));
        }
        return steps;
    }
}
