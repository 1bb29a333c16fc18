package dev.bulletin.testing;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message far over the 64 KiB limit is refused while it is still arriving, not once it has been
 * read whole: in one frame and in 64 KiB fragments, the server answers before the client has sent
 * it all. Socket buffers hold a few MiB on loopback, so 64 MiB leaves no doubt.
 */
public final class HugeMessages {

    public static final long HUGE = 64L << 20;

    private HugeMessages() {
    }

    public static void assertRefusedWhileArriving(URI endpoint) throws IOException {
        assertOneFrameRefusedWhileArriving(endpoint);
        assertFragmentsRefusedWhileArriving(endpoint);
    }

    public static void assertOneFrameRefusedWhileArriving(URI endpoint) throws IOException {
        RawWebSocket.Answer oneFrame = send(endpoint, 0);
        assertTrue(oneFrame.sent() < HUGE, "answered only after all " + HUGE + " bytes of one frame came in");
        // 1009 from Bulletin; Tyrus refuses a frame larger than its input buffer (web.xml: 128 KiB) itself: with 1003
        // in a servlet container (Payara, GlassFish), with 1011 standalone (the embedded tests)
        assertTrue(Set.of(1009, 1003, 1011).contains(oneFrame.closeCode().orElse(-1)), "one frame: " + oneFrame);
    }

    public static void assertFragmentsRefusedWhileArriving(URI endpoint) throws IOException {
        assertFragmentsRefusedWhileArriving(endpoint, false);
    }

    /**
     * As {@link #assertFragmentsRefusedWhileArriving(URI)}; where {@code closeMayBeLost}, the connection
     * may also end without the 1009 reaching the client: a server that closes its socket right after
     * its close frame, while the client is still sending, answers what keeps coming with a TCP reset,
     * which can overtake the close frame (Open Liberty).
     */
    public static void assertFragmentsRefusedWhileArriving(URI endpoint, boolean closeMayBeLost) throws IOException {
        RawWebSocket.Answer fragments = send(endpoint, 65_536);
        assertTrue(fragments.sent() < HUGE, "answered only after all " + HUGE + " bytes of the fragments came in");
        if (!(closeMayBeLost && fragments.closeCode().isEmpty())) {
            assertEquals(1009, fragments.closeCode().orElse(-1), "fragments: " + fragments);
        }
    }

    private static RawWebSocket.Answer send(URI endpoint, int fragment) throws IOException {
        try (RawWebSocket attacker = RawWebSocket.open(endpoint)) {
            attacker.readUntil(RawWebSocket.TEXT); // welcome
            return attacker.sendUntilAnswered(HUGE, fragment);
        }
    }
}
