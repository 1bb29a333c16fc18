package dev.bulletin.bus;

import dev.bulletin.faults.FailureLog;
import dev.bulletin.hub.Hub;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.hub.Stats;
import dev.bulletin.protocol.Cursor;
import dev.bulletin.protocol.StreamId;
import dev.bulletin.protocol.EncodedFrame;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Topic;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The bus of a cluster: a JMS topic (ActiveMQ Artemis in WildFly) that every node sends its
 * announcements to and receives the others' from. Messages are non-persistent signals, since the
 * store is the source of truth. One thread sends, so a publisher never waits for the broker, and
 * one thread receives with {@code receive} (a message listener is not allowed in a Jakarta EE
 * container); both keep trying while the broker is away.
 */
public final class JmsBus implements Bus {

    /** Announcements that may wait for the broker; past that they are dropped, and the sweep makes up for them. */
    private static final int OUTBOX = 10_000;
    private static final long RECEIVE_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 2_000;
    /** The message property that carries a delivery's trace, named as the W3C header is. */
    private static final String TRACEPARENT = "traceparent";

    private static final System.Logger LOG = System.getLogger(JmsBus.class.getName());

    private final ConnectionFactory factory;
    private final Topic topic;
    private final String node;
    private final Consumer<Announcement> receiver;
    private final Metrics metrics;
    private final BlockingQueue<Announcement> outbox = new ArrayBlockingQueue<>(OUTBOX);
    private final AtomicLong dropped = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final FailureLog sending = new FailureLog("Sending to the JMS topic");
    private final FailureLog receiving = new FailureLog("Receiving from the JMS topic");

    private JmsBus(ConnectionFactory factory, Topic topic, String node, Consumer<Announcement> receiver,
                   Metrics metrics) {
        this.factory = factory;
        this.topic = topic;
        this.node = node;
        this.receiver = receiver;
        this.metrics = metrics;
    }

    /**
     * Looks the connection factory and the topic up in JNDI, as the settings {@code
     * bulletin.jms-connection-factory} and {@code bulletin.jms-topic} name them, and opens the bus on
     * them for the node; {@code metrics} times how long announcements take to arrive.
     */
    public static Bus.Connector connector(String connectionFactory, String topicName, String node,
                                          ThreadFactory threads, Metrics metrics) {
        return receiver -> {
            ConnectionFactory factory = lookup(connectionFactory, ConnectionFactory.class, "jms-connection-factory");
            Topic topic = lookup(topicName, Topic.class, "jms-topic");
            JmsBus bus = new JmsBus(factory, topic, node, receiver, metrics);
            threads.newThread(bus::send).start();
            threads.newThread(bus::receive).start();
            return bus;
        };
    }

    @Override
    public void announce(Announcement announcement) {
        if (!outbox.offer(announcement) && dropped.getAndIncrement() % OUTBOX == 0) {
            LOG.log(System.Logger.Level.WARNING, "The JMS bus has {0} announcements waiting for the broker; dropping"
                    + " new ones (the other nodes find their items in the store within a sweep)", OUTBOX);
        }
    }

    @Override
    public void close() {
        closed.countDown();
    }

    @Override
    public String toString() {
        return "JMS (" + topic + ")";
    }

    @Override
    public boolean reachable() {
        return !sending.failing() && !receiving.failing();
    }

    private boolean isOpen() {
        return closed.getCount() > 0;
    }

    private void send() {
        JMSContext context = null;
        while (isOpen()) {
            Announcement announcement = poll();
            if (announcement == null) {
                continue;
            }
            try {
                if (context == null) {
                    context = factory.createContext();
                }
                send(context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setProperty("origin", node),
                        announcement);
                sending.worked();
            } catch (RuntimeException e) {
                // any exception: the sending thread must outlive every broker failure
                sending.failed(e);
                context = closeQuietly(context);
                pause();
            }
        }
        closeQuietly(context);
    }

    private void send(JMSProducer producer, Announcement announcement) {
        if (announcement instanceof Announcement.Delivery delivery) {
            if (delivery.trace() != null) {
                producer.setProperty(TRACEPARENT, delivery.trace());
            }
            producer.setProperty("kind", "delivery").setProperty("stream", delivery.item().stream().key())
                    .setProperty("cursor", delivery.item().cursor().toString())
                    .send(topic, delivery.item().frame().json());
        } else if (announcement instanceof Announcement.Read read) {
            producer.setProperty("kind", "read").setProperty("user", read.user()).send(topic, read.frame().json());
        } else if (announcement instanceof Announcement.RoleNotified role) {
            producer.setProperty("kind", "role").setProperty("role", role.role()).send(topic, "");
        } else if (announcement instanceof Announcement.SessionEnded ended) {
            producer.setProperty("kind", "session-ended").setProperty("httpSession", ended.httpSession())
                    .send(topic, "");
        } else if (announcement instanceof Announcement.UserDisconnected disconnected) {
            producer.setProperty("kind", "user-disconnected").setProperty("user", disconnected.user()).send(topic, "");
        } else if (announcement instanceof Announcement.NodeStats stats) {
            Stats s = stats.stats();
            producer.setProperty("kind", "stats").setProperty("node", stats.node())
                    .setProperty("sessions", s.sessions()).setProperty("subscriptions", s.subscriptions())
                    .setProperty("delivered", s.delivered()).setProperty("dropped", s.dropped())
                    .setProperty("evicted", s.evicted()).send(topic, "");
        }
    }

    private void receive() {
        String others = "origin <> '" + node.replace("'", "''") + "'";
        while (isOpen()) {
            try (JMSContext context = factory.createContext();
                 JMSConsumer consumer = context.createConsumer(topic, others)) {
                LOG.log(System.Logger.Level.DEBUG, "Node {0} receives the other nodes'' announcements from {1}", node,
                        topic);
                receiving.worked();
                while (isOpen()) {
                    Message message = consumer.receive(RECEIVE_MILLIS);
                    if (message != null) {
                        receive(message);
                    }
                }
            } catch (RuntimeException e) {
                // any exception: the receiving thread must outlive every broker failure
                if (isOpen()) {
                    receiving.failed(e);
                    pause();
                }
            }
        }
    }

    private void receive(Message message) {
        Announcement announcement;
        try {
            announcement = switch (String.valueOf(message.getStringProperty("kind"))) {
                case "delivery" -> new Announcement.Delivery(new Hub.Item(
                        StreamId.parse(message.getStringProperty("stream")).orElseThrow(),
                        Cursor.parse(message.getStringProperty("cursor")).orElseThrow(),
                        new EncodedFrame(message.getBody(String.class))), message.getStringProperty(TRACEPARENT));
                case "read" -> new Announcement.Read(message.getStringProperty("user"), new EncodedFrame(message.getBody(String.class)));
                case "role" -> new Announcement.RoleNotified(message.getStringProperty("role"));
                case "session-ended" -> new Announcement.SessionEnded(message.getStringProperty("httpSession"));
                case "user-disconnected" -> new Announcement.UserDisconnected(message.getStringProperty("user"));
                case "stats" -> new Announcement.NodeStats(message.getStringProperty("node"), new Stats(
                        message.getIntProperty("sessions"), message.getLongProperty("subscriptions"),
                        message.getLongProperty("delivered"), message.getLongProperty("dropped"),
                        message.getLongProperty("evicted")));
                default -> null;
            };
        } catch (JMSException | RuntimeException e) {
            announcement = null;
        }
        if (announcement == null) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring a message on the Bulletin topic that is not an announcement");
            return;
        }
        if (announcement instanceof Announcement.Delivery) {
            metrics.announced(sentAgo(message));
        }
        receiver.accept(announcement);
    }

    /** How long ago the other node sent the message, by the broker's timestamp and this node's clock (0 if unknown). */
    private static Duration sentAgo(Message message) {
        try {
            long sent = message.getJMSTimestamp();
            return sent == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - sent));
        } catch (JMSException e) {
            return Duration.ZERO;
        }
    }

    private Announcement poll() {
        try {
            return outbox.poll(RECEIVE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return null;
        }
    }

    /** Waits before the next attempt, or until the bus closes. */
    private void pause() {
        try {
            closed.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
    }

    private static JMSContext closeQuietly(JMSContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (JMSRuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Closing a JMS context failed", e);
            }
        }
        return null;
    }

    private static <T> T lookup(String name, Class<T> type, String setting) {
        try {
            return type.cast(new InitialContext().lookup(name));
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("Setting bulletin." + setting + " names '" + name + "', which is no "
                    + type.getSimpleName() + " in JNDI: create it (wildfly-config/configure-cluster.cli does) or"
                    + " correct the setting");
        }
    }
}
