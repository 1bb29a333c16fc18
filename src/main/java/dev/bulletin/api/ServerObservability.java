package dev.bulletin.api;

import dev.bulletin.metrics.Metrics;
import dev.bulletin.metrics.micrometer.MicrometerMetrics;
import dev.bulletin.tracing.Tracing;
import dev.bulletin.tracing.otel.OpenTelemetryTracing;

/**
 * Bulletin's meters and spans go where the server gives the application a meter registry and an
 * OpenTelemetry, and nowhere else: where it gives none, their classes cannot even be loaded.
 */
final class ServerObservability {

    private static final System.Logger LOG = System.getLogger(ServerObservability.class.getName());

    private ServerObservability() {
    }

    /** Micrometer's registry where the deployment sees Micrometer (WildFly's micrometer subsystem); else none. */
    static Metrics metrics() {
        if (!visible("io.micrometer.core.instrument.MeterRegistry")) {
            LOG.log(System.Logger.Level.INFO, "Bulletin keeps no metrics: the server gives this application no"
                    + " Micrometer (on WildFly, wildfly-config/configure-observability.cli adds it)");
            return Metrics.NONE;
        }
        return MicrometerMetrics.fromContainer();
    }

    /** The server's OpenTelemetry where the deployment sees it (WildFly's opentelemetry subsystem); else none. */
    static Tracing tracing(String node) {
        if (!visible("io.opentelemetry.api.OpenTelemetry")) {
            LOG.log(System.Logger.Level.INFO, "Bulletin traces nothing: the server gives this application no"
                    + " OpenTelemetry (on WildFly, wildfly-config/configure-tracing.cli adds it)");
            return Tracing.NONE;
        }
        try {
            Tracing tracing = OpenTelemetryTracing.fromContainer(node);
            LOG.log(System.Logger.Level.INFO, "Bulletin traces each publish through the server's OpenTelemetry");
            return tracing;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "Bulletin traces nothing: the server gives this application"
                    + " OpenTelemetry's classes but no OpenTelemetry bean ({0})", e.toString());
            return Tracing.NONE;
        }
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, ServerObservability.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
