package dev.bulletin.client;

import dev.bulletin.protocol.ServerFrame;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link BulletinClient} tells the application, on the client's threads, one call at a
 * time. Every method has a default that does nothing, so a listener implements what it needs.
 */
public interface BulletinListener {

    /** An item of a subscribed topic: each once, in cursor order, also across reconnects. */
    default void onNews(ServerFrame.News news) {
    }

    /** A notification for the user: each once, unread ones first after (re)connecting. */
    default void onNotification(ServerFrame.Notification notification) {
    }

    /** These notifications are read now: acked by this client, or read by another session or the API. */
    default void onRead(List<String> ids) {
    }

    /** The server refused a frame; the connection stays open. */
    default void onError(String code, String message) {
    }

    /**
     * The server no longer has the items after the last cursor of this topic (retention, or a
     * reset store): items were missed, and the topic continues from now. Refetch with
     * {@code GET /api/news?topic=} if they matter.
     */
    default void onGap(String topic) {
    }

    /** The connection's state changed; {@code retryIn} is set for {@link State#RECONNECTING}. */
    default void onState(State state, Duration retryIn) {
    }

    /**
     * The client stopped for good: closed by the application, or the server ended it (e.g. 4001).
     * Called before the state becomes {@link State#STOPPED}.
     */
    default void onStopped(int code, String reason) {
    }

    enum State { CONNECTING, CONNECTED, RECONNECTING, STOPPED }
}
