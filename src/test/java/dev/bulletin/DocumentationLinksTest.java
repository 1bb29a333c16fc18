package dev.bulletin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every link in the README and the docs points inside the repository, to a file that is there
 * and, for {@code #anchor}, a heading that is there: a clone is all a reader has.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE = Pattern.compile("(?s)```.*?```|`[^`\\n]*`");

    @Test
    void everyLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(CODE.matcher(Files.readString(page)).replaceAll(""));
            while (link.find()) {
                String problem = problem(page, link.group(1));
                if (problem != null) {
                    broken.add(page + ": " + link.group(1) + " " + problem);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("SECURITY.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** What is wrong with the link, null if nothing. */
    private static String problem(Path page, String target) throws IOException {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return "leaves the repository";
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!resolved.startsWith(Path.of("").toAbsolutePath()) && !file.isEmpty()) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "names no file";
        }
        if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
            return "names no heading";
        }
        return null;
    }

    /** The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        String text = CODE.matcher(Files.readString(page)).replaceAll(match -> match.group().startsWith("```") ? ""
                : Matcher.quoteReplacement(match.group()));
        return text.lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
