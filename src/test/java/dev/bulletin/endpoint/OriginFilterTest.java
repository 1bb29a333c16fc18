package dev.bulletin.endpoint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginFilterTest {

    @Test
    void withoutAnAllowListOnlyTheRequestsOwnOriginPasses() {
        assertTrue(OriginFilter.allowed("http://127.0.0.1:8080", "127.0.0.1:8080", List.of()));
        assertTrue(OriginFilter.allowed("https://News.example.org", "news.example.org", List.of()));
        assertFalse(OriginFilter.allowed("http://evil.example", "127.0.0.1:8080", List.of()));
        assertFalse(OriginFilter.allowed("http://127.0.0.1:9090", "127.0.0.1:8080", List.of()));
        assertFalse(OriginFilter.allowed("null", "127.0.0.1:8080", List.of()));
    }

    @Test
    void anAllowListReplacesTheDefault() {
        List<String> allowList = List.of("https://app.example.org");
        assertTrue(OriginFilter.allowed("https://app.example.org", "api.example.org", allowList));
        assertFalse(OriginFilter.allowed("https://api.example.org", "api.example.org", allowList));
        assertTrue(OriginFilter.allowed("http://anything", "x", List.of("*")));
    }
}
