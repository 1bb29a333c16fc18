package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.BulletinConfig;
import dev.bulletin.store.jpa.JpaNewsStore;
import dev.bulletin.store.jpa.JpaNotificationStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Makes the application's one {@link Bulletin} on the database stores, and stops it on undeploy. */
@ApplicationScoped
public class BulletinProducer {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    JpaNewsStore news;

    @Inject
    JpaNotificationStore inboxes;

    @Produces
    @Singleton
    Bulletin bulletin() {
        return Bulletin.start(BulletinConfig.fromEnvironment(), news, inboxes, scheduler);
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
