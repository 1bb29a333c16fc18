package dev.bulletin.health;

import dev.bulletin.Bulletin;
import dev.bulletin.api.BulletinProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while Bulletin can keep what it acknowledges and reach its cluster: the store answers (a
 * connection of the default datasource is valid) and, in a cluster, the JMS bus sends and receives.
 * A load balancer then sends no new clients to a node that would refuse their publishes.
 */
@Readiness
@ApplicationScoped
public class BulletinReadiness implements HealthCheck {

    @Inject
    Bulletin bulletin;

    @Inject
    BulletinProducer producer;

    @Override
    public HealthCheckResponse call() {
        boolean store = producer.storeAnswers();
        boolean bus = bulletin.busReachable();
        return HealthCheckResponse.named("bulletin").status(store && bus)
                .withData("store", store ? "UP" : "DOWN").withData("bus", bus ? "UP" : "DOWN").build();
    }
}
