package dev.bulletin.it;

import java.util.Optional;
import dev.bulletin.protocol.Protocol;
import dev.bulletin.store.StoredNews;
import dev.bulletin.Bulletin;
import dev.bulletin.api.Publisher;
import dev.bulletin.protocol.InvalidInput;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The injectable Publisher, inside WildFly: it publishes after commit, and never on rollback. */
@ExtendWith(ArquillianExtension.class)
class PublisherIT {

    @Deployment
    static WebArchive war() {
        // relayed after the commit, on another thread: the tests await it, with Awaitility in the deployment
        return DeployedWar.archive().addAsLibraries(jarOf(Awaitility.class), jarOf(Matcher.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    Publisher publisher;

    @Inject
    Bulletin bulletin;

    @Inject
    UserTransaction transaction;

    @Test
    void publishesWhenTheTransactionCommits() throws Exception {
        transaction.begin();
        String id = publisher.publish(NewsDraft.of("orders", "Order 7 shipped"));
        assertTrue(stored(id).isEmpty(), "nothing goes out before the commit");
        transaction.commit();
        await().until(() -> stored(id).isPresent());
        assertEquals("Order 7 shipped", stored(id).orElseThrow().item().title());
    }

    @Test
    void publishesNothingWhenTheTransactionRollsBack() throws Exception {
        transaction.begin();
        String id = publisher.publish(NewsDraft.of("orders", "Order 8 shipped"));
        transaction.rollback();
        transaction.begin();
        String after = publisher.publish(NewsDraft.of("orders", "Order 8 cancelled"));
        transaction.commit();
        await().until(() -> stored(after).isPresent()); // relayed in order: the first would have gone before it
        assertTrue(stored(id).isEmpty());
    }

    @Test
    void publishesAtOnceOutsideATransaction() {
        String id = publisher.publish(NewsDraft.of("orders", "Order 9 shipped"));
        assertTrue(stored(id).isPresent());
    }

    @Test
    void notifiesWhenTheTransactionCommitsAndNeverOnRollback() throws Exception {
        String carol = "carol-" + UUID.randomUUID(); // a new inbox: Payara's database outlives a run
        transaction.begin();
        String kept = publisher.notify(NotificationDraft.of(Audience.users(carol), "Invoice paid"));
        assertTrue(inbox(carol).isEmpty(), "nothing is stored before the commit");
        transaction.commit();
        transaction.begin();
        publisher.notify(NotificationDraft.of(Audience.users(carol), "Invoice voided"));
        transaction.rollback();
        transaction.begin();
        String last = publisher.notify(NotificationDraft.of(Audience.users(carol), "Invoice archived"));
        transaction.commit();
        await().until(() -> inbox(carol).contains(last));
        assertEquals(2, inbox(carol).size(), "the voided invoice is not among " + inbox(carol));
        assertTrue(inbox(carol).contains(kept));
    }

    private List<String> inbox(String user) {
        return bulletin.notifications().list(user, null, false, 200).orElseThrow().stream()
                .map(entry -> entry.item().id()).toList();
    }

    @Test
    void refusesABadDraftAtTheCall() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> publisher.publish(NewsDraft.of("Orders!", "x")));
        assertEquals("topic", e.field());
    }

    @Test
    void refusesARoleBulletinDoesNotCheckAtTheCallNotAfterTheCommit() throws Exception {
        transaction.begin();
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> publisher.notify(NotificationDraft.of(Audience.roles("auditors"), "Audit due")));
        transaction.rollback();
        assertEquals("to.roles", e.field());
    }

    /** The item of topic {@code orders} with the id, among its newest. */
    private Optional<StoredNews> stored(String id) {
        return bulletin.newsroom().history("orders", null, Protocol.MAX_REPLAY).orElseThrow().stream()
                .filter(news -> news.item().id().equals(id)).findFirst();
    }
}
