package dev.bulletin.it.cluster;

import dev.bulletin.api.DraftQueueConsumer;
import dev.bulletin.it.Server;
import dev.bulletin.testing.TestClient;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import javax.naming.InitialContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static dev.bulletin.it.Server.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JMS entry as another system uses it: WildFly's own remote client sends drafts to the queue
 * bulletin-drafts of a node running bulletin-jms.war, in transactions of its own (a transacted JMS
 * context), and the test reads what subscribers get and what the dead-letter queue holds.
 */
class DraftQueueIT {

    private static final Node NODE = new Node("drafts", 200);
    private static final String SENDER = "drafts-sender";
    private static final String SENDER_PASSWORD = "drafts-sender-secret-1";

    private static Server server;
    private static InitialContext jndi;
    private static ConnectionFactory factory;
    private static Queue drafts;
    private static Queue deadLetters;

    @BeforeAll
    static void start() throws Exception {
        NODE.addApplicationUser(SENDER, SENDER_PASSWORD, "guest");
        NODE.start();
        server = new Server(NODE.url());
        Properties environment = new Properties();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
        environment.put(Context.PROVIDER_URL, "http-remoting://127.0.0.1:" + NODE.httpPort());
        environment.put(Context.SECURITY_PRINCIPAL, SENDER);
        environment.put(Context.SECURITY_CREDENTIALS, SENDER_PASSWORD);
        jndi = new InitialContext(environment);
        factory = (ConnectionFactory) jndi.lookup("jms/RemoteConnectionFactory");
        drafts = (Queue) jndi.lookup("jms/queue/bulletin-drafts");
        deadLetters = (Queue) jndi.lookup("jms/queue/bulletin-drafts-dlq");
    }

    @AfterAll
    static void stop() throws Exception {
        if (jndi != null) {
            jndi.close();
        }
        NODE.kill();
    }

    @Test
    void aDraftIsPublishedWhenItsSenderCommitsAndNeverWhenItRollsBack() {
        String topic = Server.freshTopic("jms");
        try (TestClient reader = subscribed(topic); JMSContext jms = transacted()) {
            jms.createProducer().send(drafts, news(jms, topic, "rolled-back", "Never sent"));
            jms.rollback();
            jms.createProducer().send(drafts, news(jms, topic, "committed", "Sent"));
            jms.commit();
            jms.createProducer().send(drafts, news(jms, topic, "marker", "Marker"));
            jms.commit();

            assertEquals(List.of("Sent", "Marker"), titlesUntil(reader, topic + "-marker"),
                    "the committed draft, then the marker, in the order sent; the rolled-back one never");
        }
    }

    @Test
    void aDraftSentTwiceIsPublishedOnce() throws JMSException {
        String topic = Server.freshTopic("jms");
        String notice = Server.freshTopic("notice");
        try (TestClient reader = subscribed(topic);
             TestClient alice = TestClient.connect(server.notifications(), TestClient.basic(ALICE, ALICE + "-secret"));
             JMSContext jms = transacted()) {
            alice.next("welcome");
            alice.drainUntilPong(); // the replay of earlier unread notices
            TextMessage notification = jms.createTextMessage("{\"id\":\"" + notice + "\",\"to\":{\"users\":[\""
                    + ALICE + "\"]},\"title\":\"Your invoice\",\"body\":\"is paid\"}");
            notification.setStringProperty(DraftQueueConsumer.KIND, "notification");
            for (int copy = 0; copy < 2; copy++) { // as an at-least-once sender retrying after a lost answer
                jms.createProducer().send(drafts, notification);
                jms.createProducer().send(drafts, news(jms, topic, "twice", "Twice"));
                jms.commit();
            }
            jms.createProducer().send(drafts, news(jms, topic, "marker", "Marker"));
            jms.commit();

            assertEquals(List.of("Twice", "Marker"), titlesUntil(reader, topic + "-marker"));
            JsonObject told = alice.next("notification");
            assertEquals(notice, told.getJsonObject("item").getString("id"));
            assertEquals(List.of(), alice.drainUntilPong().stream()
                    .filter(frame -> "notification".equals(frame.getString("type"))).toList(), "told once");
        }
    }

    @Test
    void whatCannotBePublishedGoesToTheDeadLettersAndTheQueueGoesOn() throws JMSException {
        String topic = Server.freshTopic("jms");
        try (TestClient reader = subscribed(topic); JMSContext jms = transacted()) {
            Map<String, String> problems = new HashMap<>(); // the sent message's id -> a word its problem names
            problems.put(send(jms, jms.createTextMessage("{\"topic\":"), "news"), "JSON");
            problems.put(send(jms, jms.createTextMessage("{\"id\":\"x\",\"topic\":\"" + topic + "\",\"topic\":\"b\","
                    + "\"title\":\"Repeated key\"}"), "news"), "repeats a key");
            problems.put(send(jms, jms.createTextMessage("{\"id\":\"no-title\",\"topic\":\"" + topic + "\"}"), "news"),
                    "title");
            problems.put(send(jms, jms.createTextMessage("{\"topic\":\"" + topic + "\",\"title\":\"No id\"}"), "news"),
                    "id");
            problems.put(send(jms, news(jms, topic, "no-kind", "No kind"), null), "kind");
            BytesMessage bytes = jms.createBytesMessage();
            bytes.writeBytes(new byte[] {1, 2, 3});
            problems.put(send(jms, bytes, "news"), "TextMessage");
            jms.createProducer().send(drafts, news(jms, topic, "good", "Good"));
            jms.commit();

            assertEquals(List.of("Good"), titlesUntil(reader, topic + "-good"), "the good draft after the bad ones");
            Map<String, String> found = new HashMap<>();
            try (JMSConsumer letters = jms.createConsumer(deadLetters)) {
                while (!found.keySet().containsAll(problems.keySet())) {
                    Message letter = letters.receive(10_000);
                    assertNotNull(letter, "no dead letter within 10 s; found " + found + " of " + problems);
                    found.put(letter.getStringProperty(DraftQueueConsumer.ORIGINAL_ID),
                            letter.getStringProperty(DraftQueueConsumer.PROBLEM));
                }
                jms.commit();
            }
            problems.forEach((id, word) -> assertTrue(found.get(id).contains(word),
                    "the dead letter of " + id + " says why: " + found.get(id)));
        }
    }

    private static JMSContext transacted() {
        return factory.createContext(SENDER, SENDER_PASSWORD, JMSContext.SESSION_TRANSACTED);
    }

    private static TestClient subscribed(String topic) {
        TestClient client = TestClient.connect(server.news());
        client.next("welcome");
        client.send("{\"type\":\"subscribe\",\"ref\":\"s\",\"topics\":[\"" + topic + "\"]}");
        client.next("subscribed");
        return client;
    }

    /** A news draft as a message, with the id topic-suffix. */
    private static TextMessage news(JMSContext jms, String topic, String suffix, String title) {
        TextMessage message = jms.createTextMessage("{\"id\":\"" + topic + "-" + suffix + "\",\"topic\":\"" + topic
                + "\",\"title\":\"" + title + "\"}");
        try {
            message.setStringProperty(DraftQueueConsumer.KIND, "news");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        return message;
    }

    /** Sends the message with this kind (none when null); its JMS message id. */
    private static String send(JMSContext jms, Message message, String kind) throws JMSException {
        if (kind != null) {
            message.setStringProperty(DraftQueueConsumer.KIND, kind);
        } else {
            message.clearProperties();
        }
        jms.createProducer().send(drafts, message);
        return message.getJMSMessageID();
    }

    /** The titles of the news items up to the one with this id. */
    private static List<String> titlesUntil(TestClient client, String id) {
        return client.itemsUntil("news", id).stream().map(item -> item.getString("title")).toList();
    }
}
