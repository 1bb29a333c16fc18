package dev.bulletin.examples.orders;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The application's own REST API at /api; Bulletin's moves to /bulletin/api (web.xml). It lists its
 * classes: an application that lists none serves every resource in the WAR, Bulletin's too.
 */
@ApplicationPath("/api")
public class OrdersApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OrderResource.class);
    }
}
