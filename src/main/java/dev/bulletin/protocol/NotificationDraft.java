package dev.bulletin.protocol;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a publisher sends to notify users: the body of {@code POST /api/notifications} or the
 * argument of {@code Publisher.notify}. {@link #validated()} applies PROTOCOL.md's limits once,
 * for both ways in.
 */
public record NotificationDraft(Audience to, String title, String body, String category, String id) {

    public static final int MAX_BODY = 4_000;
    public static final int MAX_CATEGORY = 64;
    public static final int MAX_NAME = 128;
    public static final int MAX_USERS = 1_000;
    public static final int MAX_ROLES = 20;

    /** Who gets the notification: these users, and every user in these roles, now or when they connect. */
    public record Audience(List<String> users, List<String> roles) {

        public static Audience users(String... names) {
            return new Audience(List.of(names), List.of());
        }

        public static Audience roles(String... names) {
            return new Audience(List.of(), List.of(names));
        }
    }

    public static NotificationDraft of(Audience to, String title) {
        return new NotificationDraft(to, title, null, null, null);
    }

    public NotificationDraft withId(String newId) {
        return new NotificationDraft(to, title, body, category, newId);
    }

    /** This draft with its defaults filled in, or an {@link InvalidInput} naming the first field at fault. */
    public NotificationDraft validated() {
        if (to == null) {
            throw InvalidInput.badRequest("to", "to is required: {\"users\": [...], \"roles\": [...]}");
        }
        Set<String> users = names("to.users", to.users(), MAX_USERS);
        Set<String> roles = names("to.roles", to.roles(), MAX_ROLES);
        if (users.isEmpty() && roles.isEmpty()) {
            throw InvalidInput.badRequest("to", "to must name at least one user or role");
        }
        if (title == null || title.isBlank()) {
            throw InvalidInput.badRequest("title", "title is required");
        }
        NewsDraft.requireAtMost("title", title, NewsDraft.MAX_TITLE);
        NewsDraft.requireAtMost("body", body, MAX_BODY);
        NewsDraft.requireAtMost("category", category, MAX_CATEGORY);
        if (id != null && !Protocol.isId(id)) {
            throw InvalidInput.badRequest("id", "id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        return new NotificationDraft(new Audience(List.copyOf(users), List.copyOf(roles)), title, body, category,
                id == null ? "n-" + UUID.randomUUID() : id);
    }

    /** The item this draft becomes, unread, when it is created at the given time; call on a validated draft. */
    public NotificationItem toItem(Instant createdAt) {
        return new NotificationItem(id, title, body, category, createdAt, false);
    }

    private static Set<String> names(String field, List<String> names, int max) {
        if (names == null) {
            return Set.of();
        }
        if (names.size() > max) {
            throw InvalidInput.badRequest(field, field + " names " + names.size() + "; at most " + max + " are allowed");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank() || name.length() > MAX_NAME) {
                throw InvalidInput.badRequest(field, "each name in " + field + " must be 1 to " + MAX_NAME
                        + " characters");
            }
            NewsDraft.requireStorable(field, name);
            distinct.add(name);
        }
        return distinct;
    }
}
