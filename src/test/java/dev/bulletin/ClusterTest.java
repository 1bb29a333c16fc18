package dev.bulletin;

import dev.bulletin.protocol.CloseCode;
import dev.bulletin.bus.Announcement;
import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Identity;
import dev.bulletin.hub.Subscriber;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.testing.FrameRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes on one store, joined by a bus that loses, repeats and reorders what it carries: every
 * session still gets every item once, in cursor order. The two-node suite in {@code src-it} does
 * the same with two WildFly servers, Artemis and PostgreSQL.
 */
class ClusterTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Stores stores = Stores.inMemory(10_000);
    private final UnreliableBus bus = new UnreliableBus(new Random(7));
    private final Bulletin a = start("a");
    private final Bulletin b = start("b");

    @AfterEach
    void stop() {
        a.stop();
        b.stop();
        scheduler.shutdownNow();
    }

    @Test
    void itemsPublishedOnBothNodesReachEverySessionOnceAndInOrderThoughAnnouncementsGoAstray() throws Exception {
        List<FrameRecorder> sessions = new ArrayList<>();
        for (Bulletin node : List.of(a, b, a, b)) {
            FrameRecorder recorder = new FrameRecorder();
            node.newsroom().subscribe(node.open(recorder, null, false, null), "1", List.of("world"), Map.of(), 0);
            sessions.add(recorder);
        }

        ExecutorService publishers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                List<Future<?>> published = new ArrayList<>();
                for (Bulletin node : List.of(a, b)) {
                    published.add(publishers.submit(() -> IntStream.range(0, 50)
                            .forEach(i -> node.newsroom().publish(NewsDraft.of("world", "item " + i)))));
                }
                for (Future<?> done : published) {
                    done.get();
                }
                bus.deliverSome();
            }
        } finally {
            publishers.shutdown();
        }
        a.sweep();
        b.sweep();

        List<Long> all = LongStream.rangeClosed(1, 1_000).boxed().toList();
        for (FrameRecorder session : sessions) {
            assertEquals(all, session.seqs("news"), "every item once, in cursor order");
        }
        assertTrue(bus.lost > 0 && bus.repeated > 0, "the bus did lose and repeat announcements");
    }

    @Test
    void aResumeWithACursorFromTheOtherNodeRepeatsNothing() {
        FrameRecorder onB = new FrameRecorder();
        b.newsroom().subscribe(b.open(onB, null, false, null), "1", List.of("world"), Map.of(), 0);
        FrameRecorder onA = new FrameRecorder();
        a.newsroom().subscribe(a.open(onA, null, false, null), "1", List.of("world"), Map.of(), 0);
        IntStream.range(0, 5).forEach(i -> a.newsroom().publish(NewsDraft.of("world", "item " + i)));
        String cursor = onA.last("news").getString("cursor"); // b has not heard of items 1 to 5 yet

        FrameRecorder resumed = new FrameRecorder();
        b.newsroom().subscribe(b.open(resumed, null, false, null), "2", List.of("world"), Map.of("world", cursor), 0);
        bus.deliverAll();
        a.newsroom().publish(NewsDraft.of("world", "item 5"));
        bus.deliverAll();

        assertEquals(List.of(6L), resumed.seqs("news"), "nothing it had, nothing twice");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), onB.seqs("news"));
    }

    @Test
    void aUserGetsNotificationsAndReadsFromTheOtherNode() {
        FrameRecorder aliceOnB = new FrameRecorder();
        b.open(aliceOnB, new Identity("alice", Set.of(), "h1"), false, null);
        String id = a.notifications().notify(NotificationDraft.of(Audience.users("alice"), "Invoice")).id();
        bus.deliverAll();
        assertEquals(List.of(1L), aliceOnB.seqs("notification"));

        FrameRecorder aliceOnA = new FrameRecorder();
        Subscriber acking = a.open(aliceOnA, new Identity("alice", Set.of(), "h2"), false, null);
        assertEquals(List.of(1L), aliceOnA.seqs("notification"), "the unread one, replayed");
        a.notifications().ack(acking, "1", List.of(id));
        bus.deliverAll();
        assertEquals(id, aliceOnB.last("read").getJsonArray("ids").getString(0));
    }

    @Test
    void membersOfARoleOnTheOtherNodeGetItsNotificationOnce() {
        FrameRecorder bobOnB = new FrameRecorder();
        b.open(bobOnB, new Identity("bob", Set.of("ops"), "h1"), false, null);
        FrameRecorder bobOnA = new FrameRecorder();
        a.open(bobOnA, new Identity("bob", Set.of("ops"), "h2"), false, null);

        a.notifications().notify(NotificationDraft.of(Audience.roles("ops"), "Disk full"));
        await().until(() -> !bobOnA.seqs("notification").isEmpty()); // a's claim for bob runs in the background
        bus.deliverAll();
        await().until(() -> !bobOnB.seqs("notification").isEmpty());
        bus.deliverAll(); // what b announced, had its own claim found something

        assertEquals(List.of(1L), bobOnB.seqs("notification"));
        assertEquals(List.of(1L), bobOnA.seqs("notification"));
    }

    @Test
    void aTicketFromOneNodeOpensOneConnectionOnTheOther() {
        Identity alice = new Identity("alice", Set.of("ops"), "h1");
        String ticket = a.tickets().issue(alice);
        assertEquals(Optional.of(alice), b.tickets().redeem(ticket));
        assertEquals(Optional.empty(), a.tickets().redeem(ticket));
    }

    @Test
    void aLogoutOnOneNodeClosesTheUsersConnectionsOnTheOther() {
        FrameRecorder aliceOnB = new FrameRecorder();
        b.open(aliceOnB, new Identity("alice", Set.of(), "h1"), false, null);
        a.endHttpSession("h1");
        bus.deliverAll();
        assertEquals(CloseCode.LOGIN_ENDED, aliceOnB.closedWith());
    }

    @Test
    void anOperatorDisconnectsAUserOnEveryNodeAndTheirTicketsStopWorking() {
        FrameRecorder aliceOnA = new FrameRecorder();
        FrameRecorder aliceOnB = new FrameRecorder();
        FrameRecorder bobOnB = new FrameRecorder();
        a.open(aliceOnA, new Identity("alice", Set.of(), "h1"), false, null);
        b.open(aliceOnB, new Identity("alice", Set.of(), "h2"), false, null);
        b.open(bobOnB, new Identity("bob", Set.of(), "h3"), false, null);
        String ticket = b.tickets().issue(new Identity("alice", Set.of(), "h2"));

        assertEquals(1, a.disconnectUser("alice"), "one connection of hers on this node");
        bus.deliverAll();
        assertEquals(CloseCode.LOGIN_ENDED, aliceOnA.closedWith());
        assertEquals(CloseCode.LOGIN_ENDED, aliceOnB.closedWith());
        assertEquals(null, bobOnB.closedWith(), "bob stays");
        assertEquals(Optional.empty(), b.tickets().redeem(ticket), "her ticket, issued on the other node, is gone");
    }

    @Test
    void eachNodeCountsTheOthersSessions() {
        a.open(new FrameRecorder(), null, false, null);
        b.open(new FrameRecorder(), null, false, null);
        b.open(new FrameRecorder(), null, false, null);
        a.sweep();
        b.sweep();
        bus.deliverAll();
        assertEquals(Set.of("a", "b"), a.nodeStats().keySet());
        assertEquals(2, a.nodeStats().get("b").sessions());
        assertEquals(1, b.nodeStats().get("a").sessions());
    }

    private Bulletin start(String node) {
        return Bulletin.start(BulletinConfig.DEFAULTS.withRoles("ops").withNode(node), stores, bus::connect,
                scheduler, Executors.defaultThreadFactory());
    }

    /**
     * Holds what the nodes announce until the test lets it through: all of it in order, or some of
     * it shuffled, a fifth lost and a fifth twice.
     */
    private static final class UnreliableBus {
        private final Random random;
        private final List<Consumer<Announcement>> receivers = new CopyOnWriteArrayList<>();
        private final List<Runnable> held = new ArrayList<>();
        int lost;
        int repeated;

        UnreliableBus(Random random) {
            this.random = random;
        }

        Bus connect(Consumer<Announcement> receiver) {
            receivers.add(receiver);
            return new Bus() {
                @Override
                public void announce(Announcement announcement) {
                    synchronized (held) {
                        receivers.stream().filter(other -> other != receiver)
                                .forEach(other -> held.add(() -> other.accept(announcement)));
                    }
                }

                @Override
                public void close() {
                    receivers.remove(receiver);
                }
            };
        }

        void deliverAll() {
            take().forEach(Runnable::run);
        }

        void deliverSome() {
            List<Runnable> some = new ArrayList<>();
            for (Runnable delivery : take()) {
                int fate = random.nextInt(5);
                if (fate == 0) {
                    lost++;
                } else {
                    some.add(delivery);
                    if (fate == 1) {
                        some.add(delivery);
                        repeated++;
                    }
                }
            }
            Collections.shuffle(some, random);
            some.forEach(Runnable::run);
        }

        private List<Runnable> take() {
            synchronized (held) {
                List<Runnable> taken = new ArrayList<>(held);
                held.clear();
                return taken;
            }
        }
    }
}
