package dev.bulletin.endpoint;

import dev.bulletin.BulletinConfig;
import dev.bulletin.hub.Identity;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.testing.RawWebSocket;
import dev.bulletin.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static dev.bulletin.testing.Frames.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulletin's log lines, at every level, never hold a ticket or what users wrote (titles, bodies,
 * the frames they sent), whatever happens: tickets used, forged and refused, bad frames, closes.
 */
class LogHygieneTest {

    private static final Logger BULLETIN = Logger.getLogger("dev.bulletin");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter line = new StringWriter().append(new SimpleFormatter().formatMessage(record));
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(line));
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level level;
    private EmbeddedServer server;

    @BeforeEach
    void start() throws Exception {
        level = BULLETIN.getLevel();
        BULLETIN.setLevel(Level.ALL);
        BULLETIN.addHandler(capture);
        server = EmbeddedServer.start(BulletinConfig.DEFAULTS.withRoles("ops"));
    }

    @AfterEach
    void stop() {
        server.close();
        BULLETIN.removeHandler(capture);
        BULLETIN.setLevel(level);
    }

    @Test
    void noTicketAndNothingAUserWroteReachesTheLog() throws Exception {
        String ticket = server.bulletin().tickets().issue(new Identity("alice", Set.of("ops"), "h-1"));
        URI notifications = server.uri(NotificationsEndpoint.PATH);
        try (TestClient alice = TestClient.connect(URI.create(notifications + "?ticket=" + ticket));
             TestClient reader = TestClient.connect(server.uri(NewsEndpoint.PATH))) {
            alice.next("welcome");
            reader.next("welcome");
            reader.send(subscribe("1", "world"));
            reader.next("subscribed");
            server.bulletin().newsroom().publish(NewsDraft.of("world", "secret-title-7f3a"));
            server.bulletin().notifications().notify(new NotificationDraft(Audience.users("alice"),
                    "secret-title-9c1d", "secret-body-4e2b", null, null));
            alice.next("notification");
            reader.next("news");
            reader.send("{\"type\":\"subscribe\",\"topics\":[\"secret-frame-5d0e\"");
            reader.next("error");
        }
        try (TestClient reused = TestClient.connect(URI.create(notifications + "?ticket=" + ticket));
             TestClient forged = TestClient.connect(URI.create(notifications + "?ticket=secret-forged-1b8c"))) {
            reused.awaitClose();
            forged.awaitClose();
        }
        try (RawWebSocket rude = RawWebSocket.open(server.uri(NewsEndpoint.PATH))) {
            rude.readUntil(RawWebSocket.TEXT);
            rude.sendFrame(true, 0, RawWebSocket.BINARY, true, "secret-binary-6a7f".getBytes());
            assertEquals(1003, rude.readUntilEnd().orElseThrow());
        }
        server.close(); // and the 1001 to everyone

        assertFalse(lines.isEmpty(), "Bulletin logged what happened");
        assertTrue(lines.stream().anyMatch(line -> line.contains("no user and no valid ticket")), "the refusals are logged");
        for (String secret : List.of(ticket, "secret-title-7f3a", "secret-title-9c1d", "secret-body-4e2b",
                "secret-frame-5d0e", "secret-forged-1b8c", "secret-binary-6a7f")) {
            assertEquals(List.of(), lines.stream().filter(line -> line.contains(secret)).toList(), secret);
        }
    }
}
