package dev.bulletin.bus;

import java.util.function.Consumer;

/**
 * Carries announcements to the other nodes of a cluster; a node's own hub is served directly,
 * never through the bus. Announcing never waits for another node, and an announcement lost on
 * the way costs no delivery: the store is the source of truth, and a node that finds a gap fills
 * it from there.
 */
public interface Bus {

    /** The bus of a single server: there is no other node to tell. */
    Bus NONE = new Bus() {
        @Override
        public void announce(Announcement announcement) {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "in-VM";
        }
    };

    void announce(Announcement announcement);

    /** Whether the other nodes can be reached now: false while sending or receiving fails. */
    default boolean reachable() {
        return true;
    }

    /** Stops sending and receiving. */
    void close();

    /** Opens a bus that hands what the other nodes announce to the receiver, on a thread of its own. */
    @FunctionalInterface
    interface Connector {
        Bus connect(Consumer<Announcement> receiver);
    }
}
