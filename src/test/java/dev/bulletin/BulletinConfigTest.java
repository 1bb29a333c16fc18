package dev.bulletin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BulletinConfigTest {

    @AfterEach
    void clear() {
        System.clearProperty("bulletin.heartbeat-ms");
        System.clearProperty("bulletin.allowed-origins");
        System.clearProperty("bulletin.ticket-seconds");
    }

    @Test
    void readsSystemProperties() {
        System.setProperty("bulletin.heartbeat-ms", "5000");
        System.setProperty("bulletin.allowed-origins", "https://a.example, https://b.example");
        BulletinConfig config = BulletinConfig.fromEnvironment();
        assertEquals(5_000, config.heartbeatMillis());
        assertEquals(List.of("https://a.example", "https://b.example"), config.allowedOrigins());
        assertEquals(BulletinConfig.DEFAULTS.queueBound(), config.queueBound());
    }

    @Test
    void aBadValueNamesTheSetting() {
        System.setProperty("bulletin.heartbeat-ms", "soon");
        var e = assertThrows(IllegalArgumentException.class, BulletinConfig::fromEnvironment);
        assertTrue(e.getMessage().contains("bulletin.heartbeat-ms"), e.getMessage());
        System.setProperty("bulletin.heartbeat-ms", "0");
        e = assertThrows(IllegalArgumentException.class, BulletinConfig::fromEnvironment);
        assertTrue(e.getMessage().contains("bulletin.heartbeat-ms"), e.getMessage());
    }

    @Test
    void everyNumberMustBePositive() {
        for (String name : List.of("heartbeat-ms", "max-topics", "queue-bound", "retention-days", "ticket-seconds")) {
            System.setProperty("bulletin." + name, "-1");
            try {
                var e = assertThrows(IllegalArgumentException.class, BulletinConfig::fromEnvironment, name);
                assertTrue(e.getMessage().contains("bulletin." + name), e.getMessage());
            } finally {
                System.clearProperty("bulletin." + name);
            }
        }
    }

    @Test
    void allowedOriginsAreOriginsOrAStar() {
        System.setProperty("bulletin.allowed-origins", "https://news.example.com, http://127.0.0.1:8080, *");
        assertEquals(3, BulletinConfig.fromEnvironment().allowedOrigins().size());
        for (String bad : List.of("news.example.com", "https://news.example.com/", "https://news.example.com/app")) {
            System.setProperty("bulletin.allowed-origins", bad);
            var e = assertThrows(IllegalArgumentException.class, BulletinConfig::fromEnvironment, bad);
            assertTrue(e.getMessage().contains("bulletin.allowed-origins"), e.getMessage());
        }
    }

    @Test
    void theTicketLifetimeIsASetting() {
        System.setProperty("bulletin.ticket-seconds", "90");
        assertEquals(java.time.Duration.ofSeconds(90), BulletinConfig.fromEnvironment().ticketLifetime());
    }

    @Test
    void theConnectionLimitLeavesTheOpenFilesTheProcessNeeds() {
        assertEquals(20_000, OpenFiles.connections(20_000, 1_048_576, 600), "a high limit leaves the setting alone");
        assertEquals(17_420, OpenFiles.connections(20_000, 20_000, 580), "this machine's: 20,000 files, 580 open");
        assertEquals(1, OpenFiles.connections(20_000, 1_024, 900), "always at least one");
    }
}
