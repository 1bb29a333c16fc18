package dev.bulletin;

import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Identity;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.testing.FrameRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A connection whose login was a bearer token closes with 4001 when the token expires, give or take the clock skew. */
class LoginExpiryTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Bulletin bulletin = Bulletin.start(BulletinConfig.DEFAULTS.withClockSkewSeconds(60),
            Stores.inMemory(100), receiver -> Bus.NONE, scheduler, Executors.defaultThreadFactory());

    @AfterEach
    void stop() {
        bulletin.stop();
        scheduler.shutdownNow();
    }

    @Test
    void aConnectionClosesWith4001OnceItsLoginAndTheSkewAreOver() {
        FrameRecorder withinSkew = new FrameRecorder();
        FrameRecorder pastSkew = new FrameRecorder();
        FrameRecorder withoutEnd = new FrameRecorder();
        bulletin.open(withinSkew, new Identity("alice", Set.of(), null, Instant.now().minusSeconds(1)), false, null);
        bulletin.open(pastSkew, new Identity("bob", Set.of(), null, Instant.now().minusSeconds(59)), false, null);
        bulletin.open(withoutEnd, new Identity("carol", Set.of(), "h1"), false, null);

        await().until(() -> pastSkew.closedWith() != null);
        assertEquals(CloseCode.LOGIN_ENDED, pastSkew.closedWith());
        assertNull(withinSkew.closedWith(), "its token expired a second ago, within the 60 s of skew");
        assertNull(withoutEnd.closedWith(), "a login that lives in an HTTP session ends with it");
    }
}
