package dev.bulletin.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * Bulletin's REST API, at {@code /api} unless the application's web.xml maps this class's name to
 * another path. Its classes are listed, not scanned, so that in a host application it serves only
 * its own resources, and its providers (which carry no {@code @Provider}, so a host's scanning
 * application does not pick them up) answer only for them.
 */
@ApplicationPath("/api")
public class BulletinApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(NewsResource.class, NotificationsResource.class, TicketsResource.class, TopicsResource.class,
                StatsResource.class, AdminResource.class, InvalidInputMapper.class, ServerFailureMapper.class, UnreadableBodyMapper.class,
                StrictJsonBodies.class, JsonbResolver.class);
    }
}
