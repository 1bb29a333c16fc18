package dev.bulletin.api;

import dev.bulletin.protocol.Codec;
import dev.bulletin.protocol.InvalidInput;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.bind.JsonbException;

import java.io.StringReader;

/**
 * Bulletin's JMS entry, for applications in other deployments and other systems: a message-driven
 * bean (declared by {@code WEB-INF/ejb-jar.xml}, so only where a deployment asks for it) that
 * takes news and notification drafts from the queue {@code bulletin-drafts}. It publishes through
 * {@link Publisher} in the bean's own transaction, so the draft goes into the outbox in the same
 * transaction that takes the message off the queue: published once if that commits, and the
 * message back on the queue if it does not. A message that can never be published (not JSON, not
 * a valid draft, no id) goes to the dead-letter queue with the problem in its property {@value
 * #PROBLEM}, and the queue goes on.
 * <pre>
 * TextMessage, property kind=news:
 * {"id":"q3-results","topic":"finance","title":"Q3 results are out"}
 * </pre>
 */
public class DraftQueueConsumer implements MessageListener {

    /** The message property that says what the body is: {@code news} or {@code notification}. */
    public static final String KIND = "kind";

    /** The property that a dead letter carries: why it could not be published. */
    public static final String PROBLEM = "bulletinProblem";

    /** The property that a dead letter carries: the JMS message id of the message it was. */
    public static final String ORIGINAL_ID = "bulletinOriginalId";

    private static final System.Logger LOG = System.getLogger(DraftQueueConsumer.class.getName());

    @Inject
    Publisher publisher;

    @Inject
    JMSContext jms;

    /** The dead-letter queue, as ejb-jar.xml binds it. */
    Queue deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            publish(message);
        } catch (InvalidInput e) {
            deadLetter(message, e.getMessage());
        } catch (JMSException e) {
            throw new JMSRuntimeException("reading draft message failed: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private void publish(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null) {
            throw InvalidInput.badRequest(null, "a draft is a TextMessage whose body is the draft's JSON");
        }
        String kind = message.getStringProperty(KIND);
        if ("news".equals(kind)) {
            NewsDraft draft = read(text.getText(), NewsDraft.class);
            requireId(draft.id());
            publisher.publish(draft);
        } else if ("notification".equals(kind)) {
            NotificationDraft draft = read(text.getText(), NotificationDraft.class);
            requireId(draft.id());
            publisher.notify(draft);
        } else {
            throw InvalidInput.badRequest(KIND, "the message property kind must be news or notification");
        }
    }

    /** Read as strictly as a REST body or a frame: no repeated key, the parser's limits; then bound. */
    private static <T> T read(String json, Class<T> type) {
        try (JsonReader reader = Codec.STRICT.createReader(new StringReader(json))) {
            reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw InvalidInput.badRequest(null, "the body is not a JSON object, repeats a key, or nests too deep");
        }
        try {
            return Codec.JSONB.fromJson(json, type);
        } catch (JsonbException e) {
            throw InvalidInput.badRequest(null, "the body does not read as a " + type.getSimpleName());
        }
    }

    /** A queued draft must name its id: it is what makes a message sent or delivered twice publish once. */
    private static void requireId(String id) {
        if (id == null) {
            throw InvalidInput.badRequest("id", "a draft sent over JMS needs an id, so that a message sent twice"
                    + " publishes once");
        }
    }

    private void deadLetter(Message message, String problem) {
        try {
            String id = message.getJMSMessageID();
            String body = message instanceof TextMessage text && text.getText() != null ? text.getText() : "";
            TextMessage letter = jms.createTextMessage(body);
            letter.setStringProperty(PROBLEM, problem);
            letter.setStringProperty(ORIGINAL_ID, id);
            letter.setStringProperty(KIND, message.getStringProperty(KIND));
            jms.createProducer().send(deadLetters, letter);
            LOG.log(System.Logger.Level.WARNING, "Draft message {0} cannot be published and went to the dead-letter"
                    + " queue: {1}", id, problem);
        } catch (JMSException e) {
            throw new JMSRuntimeException("moving a draft message to the dead-letter queue failed: " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }
}
