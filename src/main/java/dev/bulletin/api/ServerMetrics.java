package dev.bulletin.api;

import dev.bulletin.metrics.Metrics;
import dev.bulletin.metrics.micrometer.MicrometerMetrics;

/** Bulletin's meters go where the server gives the application a meter registry, and nowhere else. */
final class ServerMetrics {

    private static final System.Logger LOG = System.getLogger(ServerMetrics.class.getName());

    private ServerMetrics() {
    }

    /** Micrometer's registry where the deployment sees Micrometer (WildFly's micrometer subsystem); else none. */
    static Metrics find() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, ServerMetrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, "Bulletin keeps no metrics: the server gives this application no"
                    + " Micrometer (on WildFly, wildfly-config/configure-observability.cli adds it)");
            return Metrics.NONE;
        }
        return MicrometerMetrics.fromContainer();
    }
}
