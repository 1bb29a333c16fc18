package dev.bulletin.protocol;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CloseCode} is the table "Closing" of docs/PROTOCOL.md, and bulletin.js acts on it the same way. */
class CloseCodeTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| (\\d{4}) \\|[^|]*\\| ([^|]+) \\|$", Pattern.MULTILINE);

    @Test
    void theProtocolsTableListsEveryCodeWithWhatAClientDoes() throws IOException {
        String doc = Files.readString(Path.of("docs/PROTOCOL.md"));
        String table = doc.substring(doc.indexOf("## Closing"), doc.indexOf("\n## ", doc.indexOf("## Closing") + 1));
        Map<Integer, CloseCode.Then> documented = new TreeMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            documented.put(Integer.parseInt(row.group(1)), then(row.group(2)));
        }
        Map<Integer, CloseCode.Then> coded = new TreeMap<>();
        Arrays.stream(CloseCode.values()).forEach(code -> coded.put(code.code(), code.then()));
        assertEquals(coded, documented);
    }

    @Test
    void theBrowserClientStopsAndWaitsOnTheSameCodes() throws IOException {
        String script = Files.readString(Path.of("src/main/resources/META-INF/resources/bulletin.js"));
        Matcher finals = Pattern.compile("const FINAL_CODES = new Set\\(\\[([\\d, ]+)]\\);").matcher(script);
        Matcher later = Pattern.compile("this\\.#retry\\(code === (\\d+)\\)").matcher(script);
        assertTrue(finals.find() && later.find(), "bulletin.js names its final codes and its retry-later code");
        assertEquals(codes(CloseCode.Then.STOP), Arrays.stream(finals.group(1).split(", ")).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(codes(CloseCode.Then.RECONNECT_LATER), new TreeSet<>(List.of(Integer.valueOf(later.group(1)))));
    }

    private static TreeSet<Integer> codes(CloseCode.Then then) {
        return Arrays.stream(CloseCode.values()).filter(code -> code.then() == then).map(CloseCode::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static CloseCode.Then then(String client) {
        if (client.startsWith("stops")) {
            return CloseCode.Then.STOP;
        }
        if (client.startsWith("waits")) {
            return CloseCode.Then.RECONNECT_LATER;
        }
        if (client.startsWith("reconnects")) {
            return CloseCode.Then.RECONNECT;
        }
        throw new AssertionError("the table says a client '" + client + "': stops, waits or reconnects?");
    }
}
