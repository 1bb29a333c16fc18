import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The table of servers and what the last run proved on each, from that run's test reports
 * (target/failsafe-reports*) and servers/smoke's results (target/servers/*.result):
 * java servers/Table.java            prints it (and writes target/servers.md)
 * java servers/Table.java --readme   also puts it into README.md between its markers
 */
public class Table {

    record Suite(String reports, String server, String versionProperty, String what) {
    }

    static final List<Suite> SUITES = List.of(
            new Suite("failsafe-reports", "WildFly", "version.wildfly", "whole src-it suite, H2"),
            new Suite("failsafe-reports-postgresql", "WildFly", "version.wildfly", "whole src-it suite, PostgreSQL"),
            new Suite("failsafe-reports-payara", "Payara Micro", "version.payara.micro", "whole src-it suite, H2"),
            new Suite("failsafe-reports-cluster", "WildFly, own processes", "version.wildfly",
                    "two nodes on an Artemis topic, the JMS entry, a crash, Keycloak's tokens, Prometheus; PostgreSQL"),
            new Suite("failsafe-reports-glassfish", "GlassFish", null, "smoke suite, H2"),
            new Suite("failsafe-reports-liberty", "Open Liberty", null, "smoke suite, H2"),
            new Suite("failsafe-reports-liberty-oidc", "Open Liberty", null,
                    "sign-in suite: Keycloak's tokens through MicroProfile JWT, H2"),
            new Suite("failsafe-reports-tomee", "TomEE", null, "smoke suite"));

    // seconds: the tests' own time for the Maven suites; for the smoke suites, servers/smoke's whole
    // run of that server (install, start, deploy, suite, stop)
    static final String BEGIN = "<!-- servers:begin (java servers/Table.java --readme) -->";
    static final String END = "<!-- servers:end -->";

    public static void main(String[] args) throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        StringBuilder table = new StringBuilder("Run of " + lastRun() + ":\n\n| server | version | suite | result | passed | seconds | proven |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Suite suite : SUITES) {
            Path reports = Path.of("target", suite.reports());
            String name = suite.reports().replace("failsafe-reports-", "");
            String[] smoke = smokeResult(name);
            if (!Files.isDirectory(reports) && smoke == null) {
                continue; // not run
            }
            String version = suite.versionProperty() != null ? property(pom, suite.versionProperty())
                    : smoke != null ? smoke[1] : "?";
            Run run = read(reports);
            String result = smoke != null && !smoke[2].equals("passed") && run.total() == 0 ? smoke[2]
                    : run.failed().isEmpty() && run.total() > 0 ? "passed" : "failed: " + String.join(", ", run.failed());
            String unsupported = notSupported().get(name);
            if (unsupported != null && !result.equals("passed")) {
                result = "not supported: " + unsupported;
            }
            if (!run.skipped().isEmpty()) {
                result += "; skipped, as the container does not allow it: " + String.join(", ", run.skipped());
            }
            table.append("| ").append(suite.server()).append(" | ").append(version).append(" | ").append(suite.what())
                    .append(" | ").append(result).append(" | ")
                    .append(run.total() - run.failed().size() - run.skipped().size()).append('/')
                    .append(run.total()).append(" | ").append(smoke != null ? smoke[3] : Math.round(run.seconds())).append(" | ")
                    .append(String.join(", ", run.proven())).append(" |\n");
        }
        Files.writeString(Path.of("target/servers.md"), table);
        System.out.print(table);
        if (List.of(args).contains("--readme")) {
            Path readme = Path.of("README.md");
            String text = Files.readString(readme);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException("README.md has no " + BEGIN + " ... " + END);
            }
            Files.writeString(readme, text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end));
        }
    }

    record Run(int total, List<String> failed, List<String> skipped, List<String> proven, double seconds) {
    }

    /** Tests and failures of every report in the directory; what passed, as test classes or, for few tests, as sentences. */
    static Run read(Path reports) throws Exception {
        int total = 0;
        double seconds = 0;
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        TreeSet<String> classes = new TreeSet<>();
        List<String> tests = new ArrayList<>();
        try (Stream<Path> files = Files.isDirectory(reports) ? Files.list(reports) : Stream.empty()) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                        .getDocumentElement();
                seconds += Double.parseDouble(suite.getAttribute("time").replace(",", ""));
                NodeList cases = suite.getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element test = (Element) cases.item(i);
                    total++;
                    String className = test.getAttribute("classname").replaceAll(".*\\.", "");
                    boolean passed = test.getElementsByTagName("failure").getLength() == 0
                            && test.getElementsByTagName("error").getLength() == 0;
                    if (passed && test.getElementsByTagName("skipped").getLength() > 0) {
                        skipped.add(className + "." + test.getAttribute("name").replaceAll("\\(.*", ""));
                    } else if (passed) {
                        classes.add(className);
                        tests.add(sentence(test.getAttribute("name")));
                    } else {
                        failed.add(className + "." + test.getAttribute("name").replaceAll("\\(.*", ""));
                    }
                }
            }
        }
        return new Run(total, failed, skipped, total <= 6 ? tests : List.copyOf(classes), seconds);
    }

    /** aForeignOriginIsRefused403 -> "a foreign origin is refused 403" */
    static String sentence(String method) {
        return method.replaceAll("\\(.*", "").replaceAll("([A-Z]|(?<!\\d)\\d)", " $1").toLowerCase().trim();
    }

    /** The day of the newest test report. */
    static String lastRun() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("target"), 2)) {
            return files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                    .map(f -> Instant.ofEpochMilli(f.toFile().lastModified()).toString().substring(0, 10))
                    .max(String::compareTo).orElse("?");
        }
    }

    /** The servers Bulletin does not support, with why: servers/expected-failures, a name and a tab before each reason. */
    static java.util.Map<String, String> notSupported() throws IOException {
        java.util.Map<String, String> reasons = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(Path.of("servers/expected-failures"))) {
            String[] fields = line.split("\t", 2);
            if (!fields[0].isBlank()) {
                reasons.put(fields[0].trim(), fields.length > 1 ? fields[1].trim() : "see the README");
            }
        }
        return reasons;
    }

    static String[] smokeResult(String name) throws IOException {
        Path result = Path.of("target/servers", name + ".result");
        return Files.exists(result) ? Files.readString(result).trim().split("\t") : null;
    }

    static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        return m.find() ? m.group(1) : "?";
    }
}
