package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.BulletinConfig;
import dev.bulletin.Stores;
import dev.bulletin.bus.Bus;
import dev.bulletin.bus.JmsBus;
import dev.bulletin.metrics.Metrics;
import dev.bulletin.store.jpa.BulletinUnitProducer;
import dev.bulletin.store.jpa.JpaNewsStore;
import dev.bulletin.store.jpa.JpaNotificationStore;
import dev.bulletin.store.jpa.JpaOutbox;
import dev.bulletin.store.jpa.JpaStreamLog;
import dev.bulletin.store.jpa.JpaTicketStore;
import dev.bulletin.store.jpa.Schema;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes the application's one {@link Bulletin} on the database stores, on the JMS bus when the
 * setting {@code bulletin.jms-topic} names a topic, and stops it on undeploy.
 */
@ApplicationScoped
public class BulletinProducer {

    @Inject
    JpaStreamLog log;

    @Inject
    JpaNewsStore news;

    @Inject
    JpaNotificationStore inboxes;

    @Inject
    JpaTicketStore tickets;

    @Inject
    JpaOutbox outbox;

    @Inject
    Schema schema;

    @Inject
    BulletinUnitProducer unit;

    private volatile DataSource dataSource;

    @Produces
    @Singleton
    Bulletin bulletin() {
        BulletinConfig config = BulletinConfig.fromEnvironment().withinOpenFiles();
        ManagedScheduledExecutorService scheduler = Jndi.lookup("java:comp/DefaultManagedScheduledExecutorService",
                ManagedScheduledExecutorService.class);
        ManagedThreadFactory threads = Jndi.lookup("java:comp/DefaultManagedThreadFactory", ManagedThreadFactory.class);
        // looked up here, where every server resolves java:comp: a health probe may come on a thread that does not
        dataSource = Jndi.lookup("java:comp/DefaultDataSource", DataSource.class);
        schema.prepare(dataSource);
        unit.lookUpEarly();
        Metrics metrics = ServerObservability.metrics();
        Bus.Connector bus = config.clustered() ? JmsBus.connector(config.jmsConnectionFactory(),
                config.jmsTopic(), config.node(), threads, metrics) : receiver -> Bus.NONE;
        return Bulletin.start(config, new Stores(log, news, inboxes, tickets, outbox), bus, scheduler, threads, metrics,
                ServerObservability.tracing(config.node()));
    }

    /** Whether the store answers now: a connection from the default datasource is valid within two seconds. */
    public boolean storeAnswers() {
        DataSource store = dataSource;
        if (store == null) {
            return false;
        }
        try (Connection connection = store.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Starts Bulletin with the application (injecting it makes it), so that a bad setting fails the
     * deployment, not a later request.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started, Bulletin bulletin) {
        // nothing else to do: Bulletin logs its settings as it starts
    }

    void stop(@Disposes Bulletin bulletin) {
        bulletin.stop();
    }
}
