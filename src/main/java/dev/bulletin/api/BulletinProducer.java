package dev.bulletin.api;

import dev.bulletin.Bulletin;
import dev.bulletin.BulletinConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the application's one {@link Bulletin} from the configuration, and stops it on undeploy. */
@ApplicationScoped
public class BulletinProducer {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Produces
    @Singleton
    Bulletin bulletin() {
        return Bulletin.start(BulletinConfig.fromEnvironment(), scheduler);
    }

    void stop(@Disposes Bulletin bulletin) {
        bulletin.stop();
    }
}
