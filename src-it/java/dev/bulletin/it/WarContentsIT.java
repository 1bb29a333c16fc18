package dev.bulletin.it;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAR the build made, and the library jar in it, carry no users and no passwords: the demo users
 * belong to the dev server's setup only.
 */
class WarContentsIT {

    @Test
    void theWarHoldsNoUsersAndNoPasswords() throws Exception {
        List<String> found = new ArrayList<>();
        List<String> read = new ArrayList<>();
        try (ZipFile war = new ZipFile(new File(System.getProperty("bulletin.war")))) {
            for (ZipEntry entry : war.stream().filter(e -> !e.isDirectory()).toList()) {
                if (entry.getName().endsWith("bulletin-library.jar")) {
                    try (ZipInputStream library = new ZipInputStream(war.getInputStream(entry))) {
                        for (ZipEntry inner; (inner = library.getNextEntry()) != null; ) {
                            check(entry.getName() + "!/" + inner.getName(), library, found, read);
                        }
                    }
                } else {
                    check(entry.getName(), war.getInputStream(entry), found, read);
                }
            }
        }
        assertTrue(read.stream().anyMatch(name -> name.endsWith("bulletin-library.jar!/META-INF/web-fragment.xml")),
                "the library was read: " + read);
        assertTrue(read.contains("WEB-INF/web.xml"), "the WAR was read: " + read);
        assertEquals(List.of(), found);
    }

    private static void check(String name, InputStream content, List<String> found, List<String> read)
            throws IOException {
        read.add(name);
        if (name.matches(".*(users|roles|realm).*\\.(properties|xml)")) {
            found.add(name);
        }
        if (!name.endsWith(".class") && !name.endsWith(".png") && !name.endsWith(".jar")) {
            String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
            for (String secret : List.of("publisher-secret", "alice-secret", "bob-secret", "reader-secret")) {
                if (text.contains(secret)) {
                    found.add(name + " contains " + secret);
                }
            }
        }
    }
}
