package dev.bulletin.protocol;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerFrameEncoderTest {

    private final ServerFrameEncoder encoder = new ServerFrameEncoder();

    @Test
    void writesTheTypeAndANullUserInTheWelcome() {
        JsonObject welcome = read(new ServerFrame.Welcome(Protocol.V1, "s-1", null, 30_000,
                new ServerFrame.Limits(65_536, 100)));
        assertEquals("welcome", welcome.getString("type"));
        assertTrue(welcome.containsKey("user") && welcome.isNull("user"));
        assertEquals(100, welcome.getJsonObject("limits").getInt("maxTopics"));
    }

    @Test
    void writesANewsFrameAsTheProtocolShowsIt() {
        JsonObject news = read(new ServerFrame.News("world", "e4b1:42", false, new NewsItem("0b9e", "Quake", null,
                "https://example.org/q", "high", List.of("geo"), Instant.parse("2026-11-24T09:30:00Z"))));
        assertEquals("news", news.getString("type"));
        assertEquals("e4b1:42", news.getString("cursor"));
        assertFalse(news.getBoolean("replay"));
        JsonObject item = news.getJsonObject("item");
        assertEquals("2026-11-24T09:30:00Z", item.getString("publishedAt"));
        assertEquals("high", item.getString("priority"));
        assertFalse(item.containsKey("summary"), "absent fields are left out");
    }

    @Test
    void leavesOutAMissingRef() {
        JsonObject subscribed = read(new ServerFrame.Subscribed(null, List.of("a"), Map.of("a", true)));
        assertFalse(subscribed.containsKey("ref"));
        assertTrue(subscribed.getJsonObject("resumed").getBoolean("a"));
    }

    private JsonObject read(ServerFrame frame) {
        return Codec.JSON.createReader(new StringReader(encoder.encode(frame))).readObject();
    }
}
