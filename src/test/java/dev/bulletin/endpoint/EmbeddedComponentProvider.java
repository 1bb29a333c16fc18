package dev.bulletin.endpoint;

import org.glassfish.tyrus.core.ComponentProvider;

/** Tyrus's hook for making endpoint instances: wires the core by hand where a server would inject it. */
public class EmbeddedComponentProvider extends ComponentProvider {

    @Override
    public boolean isApplicable(Class<?> c) {
        return c == NewsEndpoint.class;
    }

    @Override
    public <T> Object create(Class<T> c) {
        NewsEndpoint endpoint = new NewsEndpoint();
        endpoint.bulletin = EmbeddedServer.current();
        return endpoint;
    }

    @Override
    public boolean destroy(Object o) {
        return false;
    }
}
