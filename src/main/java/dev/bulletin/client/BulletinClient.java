package dev.bulletin.client;

import dev.bulletin.protocol.Cbor;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.protocol.Codec;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.protocol.ServerFrame;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Bulletin connection that stays up: it reconnects with backoff after a drop, a 1001 or a
 * 1013, resumes every topic from the last cursor it delivered, and skips items it has already
 * delivered (replayed unread notifications, recent items), so the application sees each item
 * once and in order. It stops for good on the codes {@link CloseCode} says a client stops on
 * (4001, the login ended; a protocol violation) and on {@link #close()}; but a client that gets
 * its bearer tokens from a source ({@link Builder#bearer(Supplier)}) signs in again on 4001 with a
 * fresh token and resumes, since that is how a token's expiry ends a connection.
 *
 * <pre>{@code
 * BulletinClient client = BulletinClient.news(URI.create("http://127.0.0.1:8080/bulletin/"))
 *         .listener(new BulletinListener() {
 *             public void onNews(ServerFrame.News news) { System.out.println(news.item().title()); }
 *         })
 *         .connect();
 * client.subscribe("world", "tech");
 * }</pre>
 */
public final class BulletinClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BulletinClient.class.getName());
    private static final int REMEMBERED_NOTIFICATIONS = 10_000;
    private static final String PING = "{\"type\":\"ping\"}";

    private final URI endpoint;
    private final Map<String, List<String>> headers;
    private final Supplier<String> tickets;
    private final Supplier<String> bearerTokens;
    private final BulletinListener listener;
    private final Backoff backoff;
    private final String protocol;
    private final WebSocketContainer container;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bulletin-client");
        thread.setDaemon(true);
        return thread;
    });

    // All guarded by this.
    private final Map<String, String> cursors = new LinkedHashMap<>(); // topic -> last delivered cursor, or null
    private final Set<String> resuming = new LinkedHashSet<>();
    private final Set<String> delivered = new LinkedHashSet<>();       // keys of the newest items delivered
    private final List<String> pendingAcks = new ArrayList<>();
    private volatile Session session; // read unlocked by send()
    private boolean connected;
    private boolean stopped;
    private int attempt;
    private int recent;

    private BulletinClient(Builder builder) {
        this.endpoint = builder.endpoint;
        this.headers = builder.headers;
        this.tickets = builder.tickets;
        this.bearerTokens = builder.bearerTokens;
        this.listener = builder.listener;
        this.backoff = builder.backoff;
        this.protocol = builder.protocol;
        this.container = builder.container != null ? builder.container : ContainerProvider.getWebSocketContainer();
    }

    /** A client of {@code /ws/news} under the application's base URL (e.g. {@code http://host/bulletin/}). */
    public static Builder news(URI base) {
        return new Builder(base, "ws/news");
    }

    /** A client of {@code /ws/notifications}: give it credentials, a bearer token or a ticket source. */
    public static Builder notifications(URI base) {
        return new Builder(base, "ws/notifications");
    }

    /** Follows these topics from now on, and after every reconnect from where it left off. */
    public void subscribe(String... topics) {
        subscribe(0, topics);
    }

    /**
     * Follows these topics, starting with their last {@code recent} items (at most 100), and after
     * every reconnect from where it left off; where the server cannot resume a topic (see
     * {@link BulletinListener#onGap}), it starts again from its recent items, without repeating any.
     */
    public synchronized void subscribe(int recent, String... topics) {
        this.recent = Math.max(this.recent, recent);
        List<String> added = new ArrayList<>();
        for (String topic : topics) {
            if (!cursors.containsKey(topic)) {
                cursors.put(topic, null);
                added.add(topic);
            }
        }
        if (connected && !added.isEmpty()) {
            send(subscribeFrame(added));
        }
    }

    public synchronized void unsubscribe(String... topics) {
        List<String> removed = new ArrayList<>();
        for (String topic : topics) {
            if (cursors.containsKey(topic)) {
                cursors.remove(topic);
                removed.add(topic);
            }
        }
        if (connected && !removed.isEmpty()) {
            send(Codec.JSON.createObjectBuilder().add("type", "unsubscribe").add("topics", array(removed)).build().toString());
        }
    }

    /** Marks these notifications read; sent now, or as soon as the client is connected again. */
    public synchronized void ack(String... ids) {
        if (connected) {
            send(ackFrame(List.of(ids)));
        } else {
            pendingAcks.addAll(List.of(ids));
        }
    }

    /** Closes the connection with 1000 and stops reconnecting. */
    @Override
    public void close() {
        Session open;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            open = session;
        }
        timer.shutdownNow();
        if (open != null && open.isOpen()) {
            try {
                open.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "client closed"));
            } catch (IOException | IllegalStateException e) {
                // IllegalStateException: the connection closed between isOpen() and close(), as Tyrus says it
                LOG.log(System.Logger.Level.DEBUG, "Closing failed; the connection is dropped", e);
            }
        }
        listener.onStopped(1000, "client closed");
        listener.onState(BulletinListener.State.STOPPED, null);
    }

    private BulletinClient start() {
        timer.execute(this::open);
        return this;
    }

    private void open() {
        if (isStopped()) {
            return;
        }
        listener.onState(BulletinListener.State.CONNECTING, null);
        try {
            URI uri = tickets == null ? endpoint : URI.create(endpoint + "?ticket=" + tickets.get());
            Map<String, List<String>> headers = new LinkedHashMap<>(this.headers);
            if (bearerTokens != null) {
                headers.put("Authorization", List.of("Bearer " + bearerTokens.get()));
            }
            ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                    .preferredSubprotocols(List.of(protocol))
                    .configurator(new ClientEndpointConfig.Configurator() {
                        @Override
                        public void beforeRequest(Map<String, List<String>> request) {
                            request.putAll(headers);
                        }
                    }).build();
            container.connectToServer(new Connection(), config, uri);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.INFO, "Could not connect to {0}: {1}", endpoint, e.getMessage());
            retry(false);
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private void retry(boolean tryAgainLater) {
        Duration delay;
        synchronized (this) {
            if (stopped) {
                return;
            }
            delay = backoff.delay(attempt++, tryAgainLater);
        }
        listener.onState(BulletinListener.State.RECONNECTING, delay);
        timer.schedule(this::open, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stop(int code, String reason) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        timer.shutdownNow();
        listener.onStopped(code, reason); // first: a listener that sees STOPPED knows why
        listener.onState(BulletinListener.State.STOPPED, null);
    }

    /**
     * One WebSocket connection; a reconnect makes a new one. The JSR 356 client API does not show
     * the server's pings, so the connection sends a {@code ping} frame every heartbeat and gives
     * up on a server it has not heard from for two: a connection that died without a close.
     */
    private final class Connection extends Endpoint {

        private Session opened;
        private volatile long heard = System.nanoTime();
        private ScheduledFuture<?> watch;  // guarded by BulletinClient.this
        private boolean abandoned;         // guarded by BulletinClient.this

        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            synchronized (BulletinClient.this) {
                this.opened = opened;
                session = opened;
            }
            if (Protocol.V1_CBOR.equals(protocol)) {
                opened.addMessageHandler(ByteBuffer.class, frame -> receive(Cbor.toJson(frame).toString()));
            } else {
                opened.addMessageHandler(String.class, this::receive);
            }
        }

        @Override
        public void onClose(Session closed, CloseReason reason) {
            int code = reason.getCloseCode().getCode();
            synchronized (BulletinClient.this) {
                if (watch != null) {
                    watch.cancel(false);
                }
                if (abandoned) {
                    return; // already replaced
                }
                session = null;
                connected = false;
                if (stopped) {
                    return;
                }
            }
            CloseCode.Then then = CloseCode.then(code);
            if (code == CloseCode.LOGIN_ENDED.code() && bearerTokens != null) {
                LOG.log(System.Logger.Level.INFO, "The login ended ({0}); signing in again with a fresh token",
                        reason.getReasonPhrase());
                retry(false);
            } else if (then == CloseCode.Then.STOP) {
                stop(code, reason.getReasonPhrase());
            } else {
                LOG.log(System.Logger.Level.INFO, "Connection closed with {0} {1}; reconnecting", Integer.toString(code),
                        reason.getReasonPhrase());
                retry(then == CloseCode.Then.RECONNECT_LATER);
            }
        }

        private void receive(String text) {
            heard = System.nanoTime();
            ServerFrame frame = Codec.JSONB.fromJson(text, ServerFrame.class);
            if (frame instanceof ServerFrame.News news) {
                if (deliverable(news)) {
                    listener.onNews(news);
                }
            } else if (frame instanceof ServerFrame.Notification notification) {
                if (firstTime("notification " + notification.item().id())) {
                    listener.onNotification(notification);
                }
            } else if (frame instanceof ServerFrame.Welcome welcome) {
                welcomed(Duration.ofMillis(welcome.heartbeat()));
            } else if (frame instanceof ServerFrame.Subscribed subscribed) {
                subscribed.resumed().forEach(this::resumed);
            } else if (frame instanceof ServerFrame.Acked acked) {
                listener.onRead(acked.ids());
            } else if (frame instanceof ServerFrame.Read read) {
                listener.onRead(read.ids());
            } else if (frame instanceof ServerFrame.Error error) {
                listener.onError(error.code(), error.message());
            }
            // pong, published, unsubscribed: nothing the application asked for
        }

        /** Connected: resubscribes every topic, from its last cursor where there is one, and sends waiting acks. */
        private void welcomed(Duration heartbeat) {
            synchronized (BulletinClient.this) {
                connected = true;
                attempt = 0;
                long millis = heartbeat.toMillis();
                watch = timer.scheduleAtFixedRate(() -> check(heartbeat), millis, millis, TimeUnit.MILLISECONDS);
                if (!cursors.isEmpty()) {
                    send(subscribeFrame(cursors.keySet()));
                }
                if (!pendingAcks.isEmpty()) {
                    send(ackFrame(pendingAcks));
                    pendingAcks.clear();
                }
            }
            listener.onState(BulletinListener.State.CONNECTED, null);
        }

        /** Every heartbeat: a ping, or, after two silent heartbeats, a new connection in place of this one. */
        private void check(Duration heartbeat) {
            if (System.nanoTime() - heard < 2 * heartbeat.toNanos()) {
                send(PING);
                return;
            }
            synchronized (BulletinClient.this) {
                if (abandoned || stopped) {
                    return;
                }
                abandoned = true;
                watch.cancel(false);
                session = null;
                connected = false;
            }
            LOG.log(System.Logger.Level.INFO, "No sign of life from {0} for two heartbeats; reconnecting", endpoint);
            CompletableFuture.runAsync(() -> closeQuietly(opened)); // may wait on the dead peer: not on the timer
            retry(false);
        }

        private void resumed(String topic, boolean resumed) {
            boolean gap;
            synchronized (BulletinClient.this) {
                gap = resuming.remove(topic) && !resumed;
            }
            if (gap) {
                listener.onGap(topic);
            }
        }

        /** Whether the application gets this item: still subscribed, and not delivered before. */
        private boolean deliverable(ServerFrame.News news) {
            synchronized (BulletinClient.this) {
                if (!cursors.containsKey(news.topic()) || !firstTime("news " + news.topic() + " " + news.item().id())) {
                    return false;
                }
                cursors.put(news.topic(), news.cursor());
                return true;
            }
        }

        private boolean firstTime(String key) {
            synchronized (BulletinClient.this) {
                if (!delivered.add(key)) {
                    return false;
                }
                if (delivered.size() > REMEMBERED_NOTIFICATIONS) {
                    delivered.remove(delivered.iterator().next());
                }
                return true;
            }
        }
    }

    private static void closeQuietly(Session dead) {
        try {
            dead.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no sign of life"));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing a dead connection failed", e);
        }
    }

    /** A subscribe frame for these topics, resuming those that have a cursor. Called holding this. */
    private String subscribeFrame(Collection<String> topics) {
        JsonObjectBuilder resume = Codec.JSON.createObjectBuilder();
        for (String topic : topics) {
            String cursor = cursors.get(topic);
            if (cursor != null) {
                resume.add(topic, cursor);
                resuming.add(topic);
            }
        }
        return Codec.JSON.createObjectBuilder().add("type", "subscribe").add("topics", array(topics))
                .add("resume", resume).add("recent", recent).build().toString();
    }

    private static String ackFrame(List<String> ids) {
        return Codec.JSON.createObjectBuilder().add("type", "ack").add("ids", array(ids)).build().toString();
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder array = Codec.JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    /** Sends on the current connection; a frame lost to a drop is sent again by the resubscribe after reconnecting. */
    private void send(String frame) {
        Session current = session;
        if (current == null) {
            return;
        }
        if (Protocol.V1_CBOR.equals(protocol)) {
            current.getAsyncRemote().sendBinary(ByteBuffer.wrap(Cbor.fromJson(frame)));
        } else {
            current.getAsyncRemote().sendText(frame);
        }
    }

    public static final class Builder {

        private final URI endpoint;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private Supplier<String> tickets;
        private Supplier<String> bearerTokens;
        private BulletinListener listener = new BulletinListener() {
        };
        private Backoff backoff = Backoff.DEFAULT;
        private String protocol = Protocol.V1;
        private WebSocketContainer container;

        private Builder(URI base, String path) {
            String http = base.toString().endsWith("/") ? base.toString() : base + "/";
            this.endpoint = URI.create(http.replaceFirst("^http", "ws") + path);
        }

        /** Sends these credentials with every upgrade (HTTP BASIC). */
        public Builder basic(String user, String password) {
            headers.put("Authorization", List.of(HttpTickets.basicAuthorization(user, password)));
            return this;
        }

        /** Sends this token with every upgrade ({@code Authorization: Bearer}); its expiry stops the client with 4001. */
        public Builder bearer(String token) {
            headers.put("Authorization", List.of("Bearer " + token));
            return this;
        }

        /**
         * Sends a token from this source with every upgrade, asked for anew each time (the application's
         * own refresh: a refresh-token grant, a client-credentials grant): when the server closes the
         * connection with 4001 as a token expires, the client connects again with a fresh one and resumes.
         */
        public Builder bearer(Supplier<String> tokens) {
            this.bearerTokens = tokens;
            return this;
        }

        /** Opens every connection with a fresh one-time ticket from this source (e.g. {@link HttpTickets#basic}). */
        public Builder tickets(Supplier<String> source) {
            this.tickets = source;
            return this;
        }

        /**
         * Speaks {@code bulletin.v1.cbor}, the frames as CBOR in binary messages, instead of JSON text
         * ({@code bulletin.v1.json}); the application hears the same either way. Needs Jackson's CBOR
         * ({@code tools.jackson.dataformat:jackson-dataformat-cbor}) on the class path.
         */
        public Builder cbor() {
            this.protocol = Protocol.V1_CBOR;
            return this;
        }

        public Builder listener(BulletinListener listener) {
            this.listener = listener;
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /** The WebSocket client container to connect with; by default the one {@link ContainerProvider} finds. */
        public Builder container(WebSocketContainer container) {
            this.container = container;
            return this;
        }

        /** Starts connecting in the background; the listener hears how it goes. */
        public BulletinClient connect() {
            return new BulletinClient(this).start();
        }
    }
}
