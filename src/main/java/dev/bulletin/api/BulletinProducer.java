package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.BulletinConfig;
import dev.bulletin.store.jpa.JpaNewsStore;
import dev.bulletin.store.jpa.JpaNotificationStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
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

    void stop(@Disposes Bulletin bulletin) {
        bulletin.stop();
    }
}
