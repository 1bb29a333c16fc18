package dev.bulletin.it;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WAR the build made carries no users and no passwords: the demo users belong to the dev server's setup only. */
class WarContentsIT {

    @Test
    void theWarHoldsNoUsersAndNoPasswords() throws Exception {
        List<String> found = new ArrayList<>();
        int entries = 0;
        try (ZipFile war = new ZipFile(new File(System.getProperty("bulletin.war")))) {
            for (ZipEntry entry : war.stream().filter(e -> !e.isDirectory()).toList()) {
                entries++;
                String name = entry.getName();
                if (name.matches(".*(users|roles|realm).*\\.(properties|xml)")) {
                    found.add(name);
                }
                if (!name.endsWith(".class") && !name.endsWith(".png")) {
                    String text = new String(war.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    for (String secret : List.of("publisher-secret", "alice-secret", "bob-secret", "reader-secret")) {
                        if (text.contains(secret)) {
                            found.add(name + " contains " + secret);
                        }
                    }
                }
            }
        }
        assertTrue(entries > 20, "the WAR was read");
        assertEquals(List.of(), found);
    }
}
