package dev.bulletin;

import dev.bulletin.store.InMemoryOutbox;
import dev.bulletin.store.InMemoryStore;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Hub;
import dev.bulletin.hub.Identity;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.store.InMemoryTicketStore;
import dev.bulletin.store.StoredNotification;
import dev.bulletin.store.TicketStore;
import dev.bulletin.testing.FrameRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A store that fails for a while, then recovers: the timers keep their schedule, and the outage is logged as a whole. */
class OutageTest {

    private static final Logger BULLETIN = Logger.getLogger("dev.bulletin");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FlakyTickets tickets = new FlakyTickets();
    private final FlakyInboxes inboxes = new FlakyInboxes();
    private final Bulletin bulletin = Bulletin.start(BulletinConfig.DEFAULTS.withHeartbeatMillis(100),
            new Stores(inboxes, inboxes, inboxes, tickets, new InMemoryOutbox()), receiver -> Bus.NONE, scheduler,
            Executors.defaultThreadFactory());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level level;

    @BeforeEach
    void captureTheLog() {
        level = BULLETIN.getLevel();
        BULLETIN.setLevel(Level.INFO);
        BULLETIN.addHandler(capture);
    }

    @AfterEach
    void stop() {
        BULLETIN.removeHandler(capture);
        BULLETIN.setLevel(level);
        bulletin.stop();
        scheduler.shutdownNow();
    }

    @Test
    void theTimersKeepTheirScheduleThroughAStoreOutage() {
        FrameRecorder live = new FrameRecorder();
        Subscriber answering = bulletin.open(live, null, false, null);
        live.onPing(answering::seen);
        FrameRecorder silent = new FrameRecorder();
        bulletin.open(silent, null, false, null);

        tickets.down = true;
        await().until(() -> tickets.failedSweeps.get() >= 3);
        int pingsDuringOutage = live.pings();
        await().until(() -> live.pings() > pingsDuringOutage + 2);
        await().until(() -> silent.closedWith() == CloseCode.GOING_AWAY); // reaped after two silent heartbeats
        assertNull(live.closedWith(), "a client that answers pings stays");

        tickets.put("expired", new TicketStore.Holder("alice", Set.of(), null, null, Instant.now().minusSeconds(1)));
        tickets.down = false;
        await().until(() -> tickets.find("expired").isEmpty()); // swept once the store is back

        assertEquals(1, lines(Level.WARNING, "The store fails"), "one line as the outage starts");
        assertEquals(1, lines(Level.INFO, "The store works again"), "one as it ends, with the count");
        assertEquals(0, lines(Level.INFO, "The sweep of expired tickets") + lines(Level.WARNING, "The sweep"),
                "the sweep's failures are the store's, logged once there");
    }

    @Test
    void aSessionWhoseOpenFailsIsClosedWith1011AndLeavesNothingBehind() {
        inboxes.down = true;
        FrameRecorder client = new FrameRecorder();
        bulletin.open(client, new Identity("alice", Set.of("user"), null), false, "192.0.2.7");
        await().until(() -> client.closedWith() == CloseCode.UNEXPECTED);
        Hub hub = bulletin.hub();
        assertEquals(0, hub.sessionCount(), "no ghost session");
        assertEquals(0, hub.connectionsFrom("192.0.2.7"), "its address is not counted");
        assertEquals(0, hub.streamCount(), "nor its inbox followed");

        inboxes.down = false;
        FrameRecorder again = new FrameRecorder();
        bulletin.open(again, new Identity("alice", Set.of("user"), null), false, "192.0.2.7");
        assertNull(again.closedWith(), "served once the store is back");
        assertEquals(1, hub.sessionCount());
    }

    private long lines(Level level, String start) {
        return logged.stream().filter(r -> r.getLevel().equals(level))
                .map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                .filter(line -> line.startsWith(start)).count();
    }

    /** Tickets whose sweep fails while {@code down}, as a database that is unreachable. */
    private static final class FlakyTickets extends InMemoryTicketStore {
        final AtomicInteger failedSweeps = new AtomicInteger();
        volatile boolean down;

        @Override
        public void purge(Instant now) {
            if (down) {
                failedSweeps.incrementAndGet();
                throw new IllegalStateException("database unreachable");
            }
            super.purge(now);
        }
    }

    /** Inboxes that cannot be read while {@code down}. */
    private static final class FlakyInboxes extends InMemoryStore {
        volatile boolean down;

        FlakyInboxes() {
            super(100);
        }

        @Override
        public Optional<List<StoredNotification>> list(String user, Cursor after, boolean unreadOnly, int limit) {
            if (down) {
                throw new IllegalStateException("database unreachable");
            }
            return super.list(user, after, unreadOnly, limit);
        }
    }
}
