package dev.bulletin;

import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Identity;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.store.Append;
import dev.bulletin.store.Appended;
import dev.bulletin.store.InMemoryOutbox;
import dev.bulletin.store.InMemoryStore;
import dev.bulletin.store.InMemoryTicketStore;
import dev.bulletin.testing.FrameRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A role's notifications reach each member once: connected before, connecting meanwhile, or connecting later. */
class RolesTest {

    private static final int MEMBERS = 400;
    private static final int NOTIFICATIONS = 20;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Bulletin bulletin = Bulletin.start(BulletinConfig.DEFAULTS.withRoles("ops"), Stores.inMemory(100), receiver -> Bus.NONE, scheduler, Executors.defaultThreadFactory());

    @AfterEach
    void stop() {
        bulletin.stop();
        scheduler.shutdownNow();
    }

    @Test
    void membersConnectedBeforeDuringAndAfterGetEachRoleNotificationOnce() throws Exception {
        List<FrameRecorder> sessions = new ArrayList<>();
        IntStream.range(0, MEMBERS / 2).forEach(i -> sessions.add(open("early-" + i)));
        FrameRecorder secondOfOne = open("early-0"); // a member with two sessions gets it on each, once
        sessions.add(secondOfOne);
        ExecutorService connecting = Executors.newFixedThreadPool(4);
        List<Future<FrameRecorder>> meanwhile = new ArrayList<>();
        try {
            IntStream.range(0, MEMBERS / 2).forEach(i -> meanwhile.add(connecting.submit(() -> open("during-" + i))));
            IntStream.range(0, NOTIFICATIONS).forEach(i -> bulletin.notifications()
                    .notify(NotificationDraft.of(Audience.roles("ops"), "incident " + i)));
            for (Future<FrameRecorder> session : meanwhile) {
                sessions.add(session.get(1, TimeUnit.MINUTES));
            }
        } finally {
            connecting.shutdown();
        }
        sessions.add(open("late"));
        List<String> each = IntStream.range(0, NOTIFICATIONS).mapToObj(i -> "incident " + i).toList();
        // one wait for all: Awaitility looks first after its poll interval, which 400 waits would add up
        await().atMost(30, TimeUnit.SECONDS).until(() -> sessions.stream()
                .allMatch(session -> session.of("notification").size() >= NOTIFICATIONS));
        for (FrameRecorder session : sessions) {
            assertEquals(each, session.of("notification").stream()
                    .map(frame -> frame.getJsonObject("item").getString("title")).sorted(this::byNumber).toList(),
                    "each once");
            List<Long> seqs = session.seqs("notification");
            assertEquals(seqs.stream().sorted().distinct().toList(), seqs, "in the inbox's cursor order");
        }
    }

    @Test
    void aBurstOfARolesNotificationsCostsEachConnectedMemberTwoClaimsNotOneEach() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        AtomicBoolean hold = new AtomicBoolean();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        InMemoryStore store = new InMemoryStore(100) {
            @Override
            public List<Appended> append(List<Append<?>> appends) {
                long claiming = appends.stream().filter(Append.Claim.class::isInstance).count();
                if (claiming > 0 && hold.getAndSet(false)) {
                    holding.countDown();
                    awaitLatch(released);
                }
                claims.addAndGet((int) claiming);
                return super.append(appends);
            }
        };
        Bulletin burst = Bulletin.start(BulletinConfig.DEFAULTS.withRoles("ops"),
                new Stores(store, store, store, new InMemoryTicketStore(), new InMemoryOutbox()), receiver -> Bus.NONE, scheduler,
                Executors.defaultThreadFactory());
        try {
            List<FrameRecorder> sessions = IntStream.range(0, MEMBERS)
                    .mapToObj(i -> open(burst, "member-" + i)).toList();
            assertEquals(MEMBERS, claims.getAndSet(0), "one claim as each connects");
            hold.set(true);
            burst.notifications().notify(NotificationDraft.of(Audience.roles("ops"), "incident 0"));
            awaitLatch(holding); // the first claims are being written, the others queued
            IntStream.range(1, NOTIFICATIONS).forEach(i -> burst.notifications().deliverToRole("ops"));
            released.countDown();
            await().atMost(30, TimeUnit.SECONDS).until(() -> sessions.stream()
                    .allMatch(session -> !session.of("notification").isEmpty()));
            await().atMost(30, TimeUnit.SECONDS).until(() -> claims.get() >= 2 * MEMBERS);
            // queued behind every claim: once it is answered, no claim is left to come
            burst.notifications().notify(NotificationDraft.of(Audience.users("someone"), "settled"));
            assertEquals(2 * MEMBERS, claims.get(), "the pending claim, and one after it for what it may have missed");
            for (FrameRecorder session : sessions) {
                assertEquals(List.of("incident 0"), session.of("notification").stream()
                        .map(frame -> frame.getJsonObject("item").getString("title")).toList(), "once");
            }
        } finally {
            burst.stop();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FrameRecorder open(String user) {
        return open(bulletin, user);
    }

    private static FrameRecorder open(Bulletin bulletin, String user) {
        FrameRecorder recorder = new FrameRecorder();
        bulletin.open(recorder, new Identity(user, Set.of("ops"), null), false, null);
        return recorder;
    }

    private int byNumber(String a, String b) {
        return Integer.compare(Integer.parseInt(a.substring(9)), Integer.parseInt(b.substring(9)));
    }
}
