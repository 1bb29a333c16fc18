package dev.bulletin.protocol;

import java.util.Optional;

/**
 * Where an item lives: a topic's history or a user's inbox, each with cursors of its own; or the
 * connections of a role's members, which have no items. {@link #key} is its one written form: the
 * name of its row in the store and of its announcements on the bus.
 */
public record StreamId(Kind kind, String name) implements Comparable<StreamId> {

    public enum Kind {
        TOPIC("news:"), INBOX("inbox:"), ROLE("role:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public static StreamId topic(String topic) {
        return new StreamId(Kind.TOPIC, topic);
    }

    public static StreamId inbox(String user) {
        return new StreamId(Kind.INBOX, user);
    }

    public static StreamId role(String role) {
        return new StreamId(Kind.ROLE, role);
    }

    /** The stream a {@link #key} names; empty for any other text. */
    public static Optional<StreamId> parse(String key) {
        for (Kind kind : Kind.values()) {
            if (key != null && key.startsWith(kind.prefix)) {
                return Optional.of(new StreamId(kind, key.substring(kind.prefix.length())));
            }
        }
        return Optional.empty();
    }

    public boolean isTopic() {
        return kind == Kind.TOPIC;
    }

    public boolean isInbox() {
        return kind == Kind.INBOX;
    }

    public String key() {
        return kind.prefix + name;
    }

    /** In key order: the order streams are locked in, so two lockers never wait for each other in a circle. */
    @Override
    public int compareTo(StreamId other) {
        return key().compareTo(other.key());
    }

    @Override
    public String toString() {
        return key();
    }
}
