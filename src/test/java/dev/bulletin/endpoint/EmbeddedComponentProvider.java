package dev.bulletin.endpoint;

import org.glassfish.tyrus.core.ComponentProvider;

/** Tyrus's hook for making endpoint instances: wires the core by hand where a server would inject it. */
public class EmbeddedComponentProvider extends ComponentProvider {

    @Override
    public boolean isApplicable(Class<?> c) {
        return c == NewsEndpoint.class || c == NotificationsEndpoint.class;
    }

    @Override
    public <T> Object create(Class<T> c) {
        if (c == NewsEndpoint.class) {
            NewsEndpoint endpoint = new NewsEndpoint();
            endpoint.bulletin = EmbeddedServer.current();
            return endpoint;
        }
        NotificationsEndpoint endpoint = new NotificationsEndpoint();
        endpoint.bulletin = EmbeddedServer.current();
        return endpoint;
    }

    @Override
    public boolean destroy(Object o) {
        return false;
    }
}
