package dev.bulletin.endpoint;

import dev.bulletin.Stores;
import dev.bulletin.Bulletin;
import dev.bulletin.BulletinConfig;
import dev.bulletin.bus.Bus;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.Server;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The endpoint classes on embedded Tyrus over a real socket, on an ephemeral port, with the
 * in-memory stores. Tyrus has no CDI, so {@link EmbeddedComponentProvider} hands each endpoint
 * this server's core; it has no servlet filters either, so the 401 and 403 answers of
 * {@link UserGate} and {@link OriginFilter} are tested on WildFly.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static volatile Bulletin current;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final Bulletin bulletin;
    private final Server server;

    /** web.xml's {@code org.glassfish.tyrus.servlet.incoming-buffer-size}: twice the message limit, and a frame header. */
    static final int INCOMING_BUFFER_BYTES = 2 * 65_536 + 14;

    private EmbeddedServer(BulletinConfig config) throws Exception {
        bulletin = Bulletin.start(config, Stores.inMemory(1_000), receiver -> Bus.NONE, scheduler,
                Executors.defaultThreadFactory());
        current = bulletin;
        // the input buffer web.xml gives Tyrus in a servlet container (Payara, GlassFish)
        server = new Server("localhost", -1, "/bulletin", Map.of(TyrusWebSocketEngine.INCOMING_BUFFER_SIZE,
                INCOMING_BUFFER_BYTES), NewsEndpoint.class, NotificationsEndpoint.class);
        server.start();
    }

    public static EmbeddedServer start(BulletinConfig config) throws Exception {
        return new EmbeddedServer(config);
    }

    static Bulletin current() {
        return current;
    }

    public Bulletin bulletin() {
        return bulletin;
    }

    public URI uri(String path) {
        return URI.create("ws://localhost:" + server.getPort() + "/bulletin" + path);
    }

    @Override
    public void close() {
        bulletin.stop();
        server.stop();
        scheduler.shutdownNow();
    }
}
