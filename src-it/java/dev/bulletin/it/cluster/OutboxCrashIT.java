package dev.bulletin.it.cluster;

import dev.bulletin.it.Server;
import dev.bulletin.testing.TestClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.bulletin.it.Server.ALICE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A notification the application committed survives the server's death before it went out: the
 * outbox relay is held (setting outbox-relay-ms=0), examples/orders commits an order, the server is
 * killed with SIGKILL and started again (relay on), and the customer gets the notice once.
 */
class OutboxCrashIT {

    // examples/orders moves Bulletin's REST API to /orders/bulletin/api
    private static final Node NODE = new Node("crash", 300, Path.of(System.getProperty("orders.war")), "orders",
            "bulletin/api/stats");

    @AfterAll
    static void stop() throws Exception {
        NODE.kill();
    }

    @Test
    void aNoticeCommittedBeforeACrashIsDeliveredOnceAfterTheRestart() throws Exception {
        NODE.start(Map.of("BULLETIN_OUTBOX_RELAY_MS", "0"));
        Server orders = new Server(NODE.url());
        HttpResponse<String> placed = Server.send(orders.as(ALICE, "api/orders")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"a lifeboat\"}")));
        assertEquals(201, placed.statusCode(), placed.body());
        String notice = "placed-" + Server.json(placed.body()).getString("id");
        assertEquals(1, inOutbox(notice), "committed with the order, held there");

        NODE.kill();
        NODE.start();

        await("the relay at start").atMost(Duration.ofMinutes(1)).until(() -> inOutbox(notice) == 0);
        try (TestClient alice = TestClient.connect(orders.notifications(), TestClient.basic(ALICE, ALICE + "-secret"))) {
            alice.next("welcome");
            List<JsonObject> frames = new ArrayList<>(alice.drainUntilPong()); // the unread, replayed
            assertEquals(1, frames.stream().filter(frame -> "notification".equals(frame.getString("type")))
                    .filter(frame -> notice.equals(frame.getJsonObject("item").getString("id"))).count(), "once");
        }
    }

    /** Drafts with this id in the outbox table, read from the database as an operator would. */
    private static int inOutbox(String id) throws SQLException {
        String url = Objects.requireNonNullElse(System.getenv("BULLETIN_DB_URL"), "jdbc:postgresql://127.0.0.1:5432/bulletin");
        try (Connection db = DriverManager.getConnection(url,
                Objects.requireNonNullElse(System.getenv("BULLETIN_DB_USER"), "bulletin"),
                Objects.requireNonNullElse(System.getenv("BULLETIN_DB_PASSWORD"), "bulletin"));
             PreparedStatement count = db.prepareStatement("select count(*) from bulletin_outbox where id = ?")) {
            count.setString(1, id);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
