package dev.bulletin.bus;

import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Stats;
import dev.bulletin.protocol.EncodedFrame;

/** What one node tells the others, after the change it is about has committed. */
public sealed interface Announcement {

    /**
     * An item committed to a stream: every node delivers it to its sessions that follow the stream.
     * {@code trace} is the W3C {@code traceparent} of its publish, or {@code null} where it is not traced.
     */
    record Delivery(Hub.Item item, String trace) implements Announcement {
    }

    /** A user read notifications: every node sends the {@code read} frame to the user's sessions there. */
    record Read(String user, EncodedFrame frame) implements Announcement {
    }

    /** A notification went to a role: every node lets the members connected there claim it. */
    record RoleNotified(String role) implements Announcement {
    }

    /** An HTTP session ended: every node closes the connections that logged in with it (4001). */
    record SessionEnded(String httpSession) implements Announcement {
    }

    /** An operator disconnected a user: every node closes the user's connections (4001). */
    record UserDisconnected(String user) implements Announcement {
    }

    /** A node's counters, sent now and then, for {@code GET /api/stats} of the cluster. */
    record NodeStats(String node, Stats stats) implements Announcement {
    }
}
