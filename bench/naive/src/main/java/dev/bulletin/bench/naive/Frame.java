package dev.bulletin.bench.naive;

import java.util.List;

/** The shape of Bulletin's news frame, so that both send the same bytes. */
public record Frame(String type, String topic, String cursor, boolean replay, Item item) {

    public record Item(String id, String title, String summary, String priority, List<String> tags, String publishedAt) {
    }
}
