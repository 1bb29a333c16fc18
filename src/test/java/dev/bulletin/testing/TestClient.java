package dev.bulletin.testing;

import dev.bulletin.protocol.Cbor;
import dev.bulletin.protocol.Codec;
import dev.bulletin.protocol.Protocol;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A Jakarta WebSocket client for tests: it queues every frame it receives, and the test
 * takes them with a timeout. Nothing is asserted inside a callback. It speaks either subprotocol:
 * on {@code bulletin.v1.cbor} it sends the CBOR of the JSON it is given and reads CBOR frames as
 * JSON, so a test reads the same on both; a message of the kind the subprotocol does not use comes
 * out as a frame of type {@code wrong-kind}.
 */
public final class TestClient implements AutoCloseable {

    public static final long WAIT_SECONDS = 10;

    private static final JsonObject WRONG_KIND = Codec.JSON.createObjectBuilder().add("type", "wrong-kind").build();

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final boolean cbor;
    private Session session;

    private TestClient(String protocol) {
        this.cbor = Protocol.V1_CBOR.equals(protocol);
    }

    public static TestClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    public static TestClient connect(URI uri, Map<String, String> headers) {
        return connect(uri, headers, Protocol.V1);
    }

    /** Connects offering this one subprotocol, with extra handshake headers (e.g. Authorization). */
    public static TestClient connect(URI uri, Map<String, String> headers, String protocol) {
        TestClient client = new TestClient(protocol);
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of(protocol))
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> request) {
                        headers.forEach((name, value) -> request.put(name, List.of(value)));
                    }
                })
                .build();
        try {
            client.session = container().connectToServer(client.new Listener(), config, uri);
        } catch (Exception e) {
            throw new IllegalStateException("could not connect to " + uri, e);
        }
        return client;
    }

    /**
     * A container of its own for each client, on Tyrus's shared transport: a Tyrus container
     * shuts its executors down when its last session closes, and a shared one can do so while
     * another client is connecting through it (eclipse-ee4j/tyrus#640).
     */
    private static WebSocketContainer container() {
        ClientManager container = ClientManager.createClient();
        container.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        return container;
    }

    public static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
    }

    public Session session() {
        return session;
    }

    /** Sends a frame, given as JSON, in the subprotocol of the connection. */
    public void send(String json) {
        if (cbor) {
            sendBinary(Cbor.fromJson(json));
        } else {
            sendText(json);
        }
    }

    /** Sends a message that is not a frame of the subprotocol at all: not JSON, not CBOR. */
    public void sendMalformed() {
        if (cbor) {
            sendBinary(new byte[] {(byte) 0xff, 0x00});
        } else {
            sendText("not json");
        }
    }

    /** Sends a message of the kind the subprotocol does not use. */
    public void sendOtherKind() {
        if (cbor) {
            sendText("{\"type\":\"ping\"}");
        } else {
            sendBinary(new byte[] {1, 2, 3});
        }
    }

    public void sendText(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RejectedExecutionException closedMeanwhile) {
            // see sendBinary
        }
    }

    public void sendBinary(byte[] data) {
        try {
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RejectedExecutionException closedMeanwhile) {
            // The frame went out. Tyrus then schedules the session's idle timeout, on an executor it
            // shuts down when the session closes: a server that closes at once in answer (1003, 1009)
            // can get there first. The test goes on to await that close.
        }
    }

    /** The next frame, failing the test when none comes within the wait. */
    public JsonObject next() {
        try {
            JsonObject frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(frame, "no frame within " + WAIT_SECONDS + " s");
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, which must be of this type. */
    public JsonObject next(String type) {
        JsonObject frame = next();
        assertEquals(type, frame.getString("type"), "unexpected frame " + frame);
        return frame;
    }

    /** The next {@code count} frames, each of this type. */
    public List<JsonObject> next(String type, int count) {
        List<JsonObject> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(next(type));
        }
        return result;
    }

    /** The items of the next frames of this type, up to and including the one whose item has this id. */
    public List<JsonObject> itemsUntil(String type, String id) {
        List<JsonObject> items = new ArrayList<>();
        for (JsonObject item = next(type).getJsonObject("item"); ; item = next(type).getJsonObject("item")) {
            items.add(item);
            if (item.getString("id").equals(id)) {
                return items;
            }
        }
    }

    /**
     * Sends a ping frame of the protocol and returns every frame that came before its pong:
     * the server answers in order, so this shows that nothing else was pending.
     */
    public List<JsonObject> drainUntilPong() {
        send("{\"type\":\"ping\",\"ref\":\"drain\"}");
        List<JsonObject> before = new ArrayList<>();
        for (JsonObject frame = next(); !"pong".equals(frame.getString("type")); frame = next()) {
            before.add(frame);
        }
        return before;
    }

    /** The frames received and not taken yet, without waiting for more. */
    public List<JsonObject> drain() {
        List<JsonObject> received = new ArrayList<>();
        frames.drainTo(received);
        return received;
    }

    public CloseReason awaitClose() {
        try {
            return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the connection was not closed within " + WAIT_SECONDS + " s", e);
        }
    }

    @Override
    public void close() {
        try {
            if (session != null && session.isOpen()) {
                session.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }

    private final class Listener extends Endpoint {
        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            opened.setMaxTextMessageBufferSize(4 * 1024 * 1024);
            opened.setMaxBinaryMessageBufferSize(4 * 1024 * 1024);
            opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                    frames.add(cbor ? WRONG_KIND : Codec.JSON.createReader(new StringReader(text)).readObject()));
            opened.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes ->
                    frames.add(cbor ? Cbor.toJson(bytes) : WRONG_KIND));
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed.complete(reason);
        }
    }
}
