package dev.bulletin.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a publisher sends: the body of {@code POST /api/news}, the {@code item} of a
 * {@code publish} frame, or the argument of {@code Publisher.publish}. {@link #validated()}
 * applies the limits of PROTOCOL.md and the defaults, once, for all three ways in.
 */
public record NewsDraft(String topic, String title, String summary, String url, String priority,
                        List<String> tags, String id) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_SUMMARY = 4_000;
    public static final int MAX_URL = 2_048;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 64;
    /** The tags as the store keeps them, a JSON array: its column's size. */
    public static final int MAX_TAGS_JSON = 2_000;
    public static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    public static NewsDraft of(String topic, String title) {
        return new NewsDraft(topic, title, null, null, null, null, null);
    }

    public NewsDraft withTopic(String newTopic) {
        return new NewsDraft(newTopic, title, summary, url, priority, tags, id);
    }

    public NewsDraft withId(String newId) {
        return new NewsDraft(topic, title, summary, url, priority, tags, newId);
    }

    /** This draft with its defaults filled in, or an {@link InvalidInput} naming the first field at fault. */
    public NewsDraft validated() {
        if (topic == null) {
            throw InvalidInput.badRequest("topic", "topic is required");
        }
        if (!Protocol.isTopic(topic)) {
            throw new InvalidInput(ErrorCode.BAD_TOPIC, "topic",
                    "topic '" + Protocol.abbreviate(topic) + "' does not match [a-z0-9][a-z0-9._-]{0,63}");
        }
        if (title == null || title.isBlank()) {
            throw InvalidInput.badRequest("title", "title is required");
        }
        requireAtMost("title", title, MAX_TITLE);
        requireAtMost("summary", summary, MAX_SUMMARY);
        if (url != null) {
            requireAtMost("url", url, MAX_URL);
            requireHttpUrl(url);
        }
        if (priority != null && !PRIORITIES.contains(priority)) {
            throw InvalidInput.badRequest("priority", "priority must be one of low, normal, high, urgent");
        }
        List<String> checkedTags = tags == null ? List.of() : tags;
        if (checkedTags.size() > MAX_TAGS) {
            throw InvalidInput.badRequest("tags", "at most " + MAX_TAGS + " tags are allowed, got " + checkedTags.size());
        }
        for (String tag : checkedTags) {
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG) {
                throw InvalidInput.badRequest("tags", "each tag must be 1 to " + MAX_TAG + " characters");
            }
            requireStorable("tags", tag);
        }
        int tagsJson = checkedTags.isEmpty() ? 2 : Codec.JSONB.toJson(checkedTags).length();
        if (tagsJson > MAX_TAGS_JSON) {
            throw InvalidInput.badRequest("tags", "the tags take " + tagsJson + " characters as JSON (quotes and"
                    + " control characters escaped); at most " + MAX_TAGS_JSON + " are allowed");
        }
        if (id != null && !Protocol.isId(id)) {
            throw InvalidInput.badRequest("id", "id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        return new NewsDraft(topic, title, summary, url, priority == null ? "normal" : priority,
                List.copyOf(checkedTags), id == null ? UUID.randomUUID().toString() : id);
    }

    /** The item this draft becomes when it is published at the given time; call on a validated draft. */
    public NewsItem toItem(Instant publishedAt) {
        return new NewsItem(id, title, summary, url, priority, tags, publishedAt);
    }

    /** At most {@code max} characters, and only what every database can keep (see {@link #requireStorable}). */
    static void requireAtMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw InvalidInput.badRequest(field, field + " is " + value.length()
                    + " characters long; at most " + max + " are allowed");
        }
        requireStorable(field, value);
    }

    /**
     * No NUL character (PostgreSQL's text cannot hold one) and no half of a surrogate pair (no
     * character at all: a database stores it as {@code ?}); any other character is kept as written.
     */
    static void requireStorable(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw InvalidInput.badRequest(field, field + " holds a NUL character (U+0000) at " + i);
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw InvalidInput.badRequest(field, field + " holds half of a surrogate pair at " + i
                            + ", which is no character");
                }
            }
        }
    }

    private static void requireHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw InvalidInput.badRequest("url", "url must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw InvalidInput.badRequest("url", "url is not a valid URL: " + e.getReason());
        }
    }
}
