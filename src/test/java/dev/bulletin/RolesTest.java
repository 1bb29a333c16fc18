package dev.bulletin;

import dev.bulletin.bus.Bus;
import dev.bulletin.hub.Identity;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import dev.bulletin.testing.FrameRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        for (FrameRecorder session : sessions) {
            await().atMost(30, TimeUnit.SECONDS).until(() -> session.of("notification").size() >= NOTIFICATIONS);
            assertEquals(each, session.of("notification").stream()
                    .map(frame -> frame.getJsonObject("item").getString("title")).sorted(this::byNumber).toList(),
                    "each once");
            List<Long> seqs = session.seqs("notification");
            assertEquals(seqs.stream().sorted().distinct().toList(), seqs, "in the inbox's cursor order");
        }
    }

    private FrameRecorder open(String user) {
        FrameRecorder recorder = new FrameRecorder();
        bulletin.open(recorder, new Identity(user, Set.of("ops"), null), false, null);
        return recorder;
    }

    private int byNumber(String a, String b) {
        return Integer.compare(Integer.parseInt(a.substring(9)), Integer.parseInt(b.substring(9)));
    }
}
