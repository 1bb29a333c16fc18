package dev.bulletin;

import dev.bulletin.store.Appended;
import dev.bulletin.store.Append;
import dev.bulletin.store.InMemoryOutbox;
import dev.bulletin.store.InMemoryStore;
import dev.bulletin.protocol.CloseCode;
import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.ClientFrame;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.store.InMemoryTicketStore;
import dev.bulletin.testing.FrameRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a failing database does to a publish: the publisher hears of it, and no subscriber gets a phantom item. */
class FaultsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FlakyNewsStore news = new FlakyNewsStore();
    private final Bulletin bulletin = Bulletin.start(BulletinConfig.DEFAULTS,
            new Stores(news, news, news, new InMemoryTicketStore(), new InMemoryOutbox()), receiver -> Bus.NONE, scheduler,
            Executors.defaultThreadFactory());

    @AfterEach
    void stop() {
        bulletin.stop();
        scheduler.shutdownNow();
    }

    @Test
    void aDatabaseOutageDuringAPublishFailsThePublisherAndDeliversNothing() {
        FrameRecorder reader = new FrameRecorder();
        bulletin.newsroom().subscribe(bulletin.open(reader, null, false, null), "1", List.of("world"), Map.of(), 0);
        FrameRecorder publisher = new FrameRecorder();
        Subscriber publishing = bulletin.open(publisher, null, true, null);

        news.down = true;
        assertThrows(IllegalStateException.class, () -> bulletin.newsroom().publish(NewsDraft.of("world", "lost")),
                "REST and the Java API see the failure (REST answers 500)");
        bulletin.handle(publishing, new ClientFrame.Publish("2", NewsDraft.of("world", "lost too")));
        await().until(() -> publisher.closedWith() == CloseCode.UNEXPECTED); // a publish frame: 1011

        news.down = false;
        bulletin.newsroom().publish(NewsDraft.of("world", "after the outage"));
        assertEquals(List.of(1L), reader.seqs("news"), "no phantom item, and no gap in the cursors");
        assertEquals("after the outage", reader.last("news").getJsonObject("item").getString("title"));
    }

    /** An in-memory store whose appends fail while {@code down}, as a database that is unreachable. */
    private static final class FlakyNewsStore extends InMemoryStore {
        volatile boolean down;

        FlakyNewsStore() {
            super(100);
        }

        @Override
        public synchronized List<Appended> append(List<Append<?>> appends) {
            if (down) {
                throw new IllegalStateException("database unreachable");
            }
            return super.append(appends);
        }
    }
}
