package dev.bulletin.health;

import dev.bulletin.Bulletin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while Bulletin's committing thread runs. A store or broker outage does not make it fail:
 * Bulletin rides those out by itself, and a restart would not help (readiness reports them).
 */
@Liveness
@ApplicationScoped
public class BulletinLiveness implements HealthCheck {

    @Inject
    Bulletin bulletin;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("bulletin").status(bulletin.running()).build();
    }
}
