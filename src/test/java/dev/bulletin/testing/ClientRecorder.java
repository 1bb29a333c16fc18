package dev.bulletin.testing;

import dev.bulletin.client.BulletinListener;
import dev.bulletin.protocol.ServerFrame;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What a {@code BulletinClient}'s application hears, in queues a test waits on for at most {@code wait}. */
public final class ClientRecorder implements BulletinListener {

    private final Duration wait;
    private final BlockingQueue<ServerFrame.News> news = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerFrame.Notification> notifications = new LinkedBlockingQueue<>();
    private final BlockingQueue<List<String>> read = new LinkedBlockingQueue<>();
    private final BlockingQueue<State> states = new LinkedBlockingQueue<>();
    public final List<String> gaps = new CopyOnWriteArrayList<>();
    public volatile int stoppedWith;

    public ClientRecorder(Duration wait) {
        this.wait = wait;
    }

    @Override
    public void onNews(ServerFrame.News item) {
        news.add(item);
    }

    @Override
    public void onNotification(ServerFrame.Notification notification) {
        notifications.add(notification);
    }

    @Override
    public void onRead(List<String> ids) {
        read.add(ids);
    }

    @Override
    public void onGap(String topic) {
        gaps.add(topic);
    }

    @Override
    public void onState(State state, Duration retryIn) {
        states.add(state);
    }

    @Override
    public void onStopped(int code, String reason) {
        stoppedWith = code;
    }

    public ServerFrame.News news() {
        return arrived(nextNews(wait));
    }

    /** The next item's title. */
    public String title() {
        return news().item().title();
    }

    /** The next item within this time, or null. */
    public ServerFrame.News nextNews(Duration within) {
        return poll(news, within);
    }

    public ServerFrame.Notification notification() {
        return arrived(poll(notifications, wait));
    }

    public List<String> read() {
        return arrived(poll(read, wait));
    }

    /** Waits for the client to reach this state, past the others. */
    public void awaitState(State wanted) {
        for (State state = poll(states, wait); state != wanted; state = poll(states, wait)) {
            assertNotNull(state, "no " + wanted + " within " + wait.toSeconds() + " s");
        }
    }

    private <T> T arrived(T value) {
        assertNotNull(value, "nothing within " + wait.toSeconds() + " s");
        return value;
    }

    private static <T> T poll(BlockingQueue<T> queue, Duration within) {
        try {
            return queue.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
