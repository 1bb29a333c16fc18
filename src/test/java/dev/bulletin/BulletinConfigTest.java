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
}
