package dev.bulletin;

import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Identity;
import dev.bulletin.protocol.Codec;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.InMemoryOutbox;
import dev.bulletin.store.InMemoryStore;
import dev.bulletin.store.InMemoryTicketStore;
import dev.bulletin.store.Outbox;
import dev.bulletin.testing.FrameRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The relay moves committed drafts from the outbox into their streams: in order, each once, also after an outage. */
class OutboxRelayTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final FlakyLog store = new FlakyLog();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final Bulletin bulletin = Bulletin.start(BulletinConfig.DEFAULTS.withRoles("ops").withOutboxRelayMillis(50),
            new Stores(store, store, store, new InMemoryTicketStore(), outbox), receiver -> Bus.NONE, scheduler,
            Executors.defaultThreadFactory());

    @AfterEach
    void stop() {
        bulletin.stop();
        scheduler.shutdownNow();
    }

    @Test
    void draftsAreDeliveredInTheOrderTheyWerePutEachOnceAndRemoved() {
        FrameRecorder reader = subscribe("orders");
        List<String> titles = IntStream.range(0, 2 * OutboxRelay.BATCH + 10).mapToObj(i -> "order " + i).toList();
        titles.forEach(this::putNews);
        putNews(titles.get(3)); // the same draft twice: a relay that ran again after the server died before removing it

        bulletin.relayOutbox();

        await().until(() -> reader.of("news").size() >= titles.size() && outbox.oldest(1).isEmpty());
        assertEquals(titles, titles(reader), "each once, in the outbox's order");
    }

    @Test
    void aNotificationDraftReachesItsUserAndTheMembersOfItsRole() {
        FrameRecorder alice = open("alice", Set.of("user"));
        FrameRecorder oncall = open("carol", Set.of("ops"));
        put(Outbox.Kind.NOTIFICATION, NotificationDraft.of(Audience.users("alice"), "payment failed").validated());
        put(Outbox.Kind.NOTIFICATION, NotificationDraft.of(Audience.roles("ops"), "disk full").validated());

        bulletin.relayOutbox();

        await().until(() -> !alice.of("notification").isEmpty() && !oncall.of("notification").isEmpty());
        assertEquals("payment failed", alice.last("notification").getJsonObject("item").getString("title"));
        assertEquals("disk full", oncall.last("notification").getJsonObject("item").getString("title"));
    }

    @Test
    void draftsLeftByAStoreOutageAreDeliveredOnceAndInOrderWhenItIsBack() {
        FrameRecorder reader = subscribe("orders");
        store.down = true;
        List<String> titles = List.of("placed", "paid", "shipped");
        titles.forEach(this::putNews);
        bulletin.relayOutbox();
        await().until(() -> store.refused.get() >= 3); // the schedule keeps trying

        assertEquals(3, outbox.oldest(10).size(), "kept while the store fails");
        assertEquals(List.of(), titles(reader));
        store.down = false;

        await().until(() -> outbox.oldest(1).isEmpty());
        assertEquals(titles, titles(reader));
    }

    private FrameRecorder subscribe(String topic) {
        FrameRecorder reader = new FrameRecorder();
        bulletin.newsroom().subscribe(bulletin.hub().connect(reader, null, false, null), null, List.of(topic), Map.of(),
                0);
        return reader;
    }

    private FrameRecorder open(String user, Set<String> roles) {
        FrameRecorder session = new FrameRecorder();
        bulletin.open(session, new Identity(user, roles, null), false, null);
        return session;
    }

    private void putNews(String title) {
        put(Outbox.Kind.NEWS, NewsDraft.of("orders", title).withId("id-" + title.replace(' ', '-')).validated());
    }

    private void put(Outbox.Kind kind, Object valid) {
        String id = valid instanceof NewsDraft news ? news.id() : ((NotificationDraft) valid).id();
        outbox.put(kind, id, Codec.JSONB.toJson(valid));
    }

    private static List<String> titles(FrameRecorder reader) {
        return reader.of("news").stream().map(frame -> frame.getJsonObject("item")).map(item -> item.getString("title"))
                .toList();
    }

    /** Streams that refuse every append while {@code down}, as a database that is unreachable. */
    private static final class FlakyLog extends InMemoryStore {
        final AtomicInteger refused = new AtomicInteger();
        volatile boolean down;

        FlakyLog() {
            super(1_000);
        }

        @Override
        public List<Appended> append(List<Append<?>> appends) {
            if (down) {
                refused.incrementAndGet();
                throw new IllegalStateException("database unreachable");
            }
            return super.append(appends);
        }
    }
}
