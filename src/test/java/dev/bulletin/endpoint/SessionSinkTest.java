package dev.bulletin.endpoint;

import dev.bulletin.protocol.EncodedFrame;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A send runs with a context class loader that finds no services, and leaves the thread's own in place. */
class SessionSinkTest {

    private final ClassLoader applicationLoader = new URLClassLoader(new URL[0], getClass().getClassLoader());
    private ClassLoader before;

    @BeforeEach
    void setApplicationLoader() {
        before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(applicationLoader);
    }

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(before);
    }

    @Test
    void aSendSeesNoServicesThroughTheContextLoaderAndTheThreadKeepsItsOwn() throws Exception {
        List<ClassLoader> seen = new ArrayList<>();
        AtomicReference<Throwable> outcome = new AtomicReference<>(new AssertionError("not completed"));
        SessionSink sink = new SessionSink(session(handler -> {
            seen.add(Thread.currentThread().getContextClassLoader());
            handler.onResult(new SendResult());
            return null;
        }));

        sink.send(new EncodedFrame("{}"), outcome::set);
        sink.ping();

        assertNull(outcome.get());
        assertEquals(2, seen.size(), "the text and the ping");
        // a service the application's loader finds (Tyrus's client is on the test class path)
        assertTrue(ServiceLoader.load(ContainerProvider.class, applicationLoader).findFirst().isPresent());
        for (ClassLoader loader : seen) {
            assertNotSame(applicationLoader, loader);
            // what a container's context capture looks up at each send
            assertTrue(ServiceLoader.load(ContainerProvider.class, loader).findFirst().isEmpty());
            assertFalse(loader.getResources("META-INF/MANIFEST.MF").hasMoreElements());
        }
        assertSame(applicationLoader, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void aSendThatThrowsReportsTheFailureAndStillRestoresTheThreadsLoader() {
        IllegalStateException refused = new IllegalStateException("closed");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        SessionSink sink = new SessionSink(session(handler -> {
            throw refused;
        }));

        sink.send(new EncodedFrame("{}"), outcome::set);
        sink.ping();

        assertSame(refused, outcome.get());
        assertSame(applicationLoader, Thread.currentThread().getContextClassLoader());
    }

    /** A session whose asynchronous remote answers sendText and sendPing with {@code send}. */
    private static Session session(Function<jakarta.websocket.SendHandler, Void> send) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(SessionSinkTest.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> send.apply((jakarta.websocket.SendHandler) args[1]);
                    case "sendPing" -> send.apply(result -> { });
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (Session) Proxy.newProxyInstance(SessionSinkTest.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "getId" -> "s1";
                    case "getNegotiatedSubprotocol" -> "bulletin.v1.json";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
