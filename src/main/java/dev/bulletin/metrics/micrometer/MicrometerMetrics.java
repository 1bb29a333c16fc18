package dev.bulletin.metrics.micrometer;

import dev.bulletin.metrics.Metrics;
import dev.bulletin.metrics.Readings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Bulletin's meters in a Micrometer registry; names as Prometheus shows them in docs/OPERATIONS.md.
 * Loaded only where the server gives the application Micrometer (WildFly's micrometer subsystem).
 */
public final class MicrometerMetrics implements Metrics {

    private static final System.Logger LOG = System.getLogger(MicrometerMetrics.class.getName());

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
    private final Counter resumed;
    private final Counter notResumed;
    private final Timer commit;
    private final DistributionSummary batch;
    private final Timer deliveryLag;
    private final Timer busLag;
    private final DistributionSummary queueDepth;

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Refusal reason : Refusal.values()) {
            refusals.put(reason, keep(Counter.builder("bulletin.refusals")
                    .description("Connections and requests turned away, by why")
                    .tag("reason", reason.label()).register(registry)));
        }
        resumed = keep(resumes("resumed"));
        notResumed = keep(resumes("not_resumed"));
        commit = keep(Timer.builder("bulletin.store.commit")
                .description("Time the store took to commit a group of appends").publishPercentileHistogram()
                .register(registry));
        batch = keep(DistributionSummary.builder("bulletin.store.batch").baseUnit("appends")
                .description("Appends committed in one transaction").publishPercentileHistogram()
                .register(registry));
        deliveryLag = keep(Timer.builder("bulletin.delivery.lag")
                .description("Time from an item's commit to its frame queued to the last subscriber on this node")
                .publishPercentileHistogram().register(registry));
        busLag = keep(Timer.builder("bulletin.bus.lag")
                .description("Time from another node's announcement to its arrival here").publishPercentileHistogram()
                .register(registry));
        queueDepth = keep(DistributionSummary.builder("bulletin.outbound.queue").baseUnit("frames")
                .description("Frames waiting in a connection's queue, sampled at each heartbeat")
                .publishPercentileHistogram().register(registry));
    }

    /** Into the registry the container's CDI has, if it has one. */
    public static Metrics fromContainer() {
        Instance<MeterRegistry> registries = CDI.current().select(MeterRegistry.class);
        if (!registries.isResolvable()) {
            LOG.log(System.Logger.Level.INFO, "Bulletin keeps no metrics: Micrometer is here, but no meter registry");
            return Metrics.NONE;
        }
        LOG.log(System.Logger.Level.INFO, "Bulletin records its metrics into the server''s Micrometer registry");
        return new MicrometerMetrics(registries.get());
    }

    private Counter resumes(String outcome) {
        return Counter.builder("bulletin.resumes").description("Topics asked to resume from a cursor, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void bind(Readings readings) {
        for (String endpoint : List.of("news", "notifications")) {
            keep(Gauge.builder("bulletin.connections", readings, r -> r.connections(endpoint))
                    .description("Open WebSocket connections").tag("endpoint", endpoint).register(registry));
        }
        keep(Gauge.builder("bulletin.subscriptions", readings, Readings::subscriptions)
                .description("Subscriptions of the open connections: topics, and signed-in users' inboxes and roles").register(registry));
        keep(FunctionCounter.builder("bulletin.frames.delivered", readings, Readings::delivered)
                .description("Frames handed to connections").register(registry));
        keep(FunctionCounter.builder("bulletin.frames.dropped", readings, Readings::dropped)
                .description("Frames dropped with a connection that was evicted or failed").register(registry));
        keep(FunctionCounter.builder("bulletin.evictions", readings, Readings::evicted)
                .description("Connections closed with 1013 for reading too slowly").register(registry));
    }

    @Override
    public void refused(Refusal reason) {
        refusals.get(reason).increment();
    }

    @Override
    public void resumed(boolean resumed) {
        (resumed ? this.resumed : notResumed).increment();
    }

    @Override
    public void committed(Duration took, int appends) {
        commit.record(took);
        batch.record(appends);
    }

    @Override
    public void queued(Duration sinceCommit) {
        deliveryLag.record(sinceCommit);
    }

    @Override
    public void announced(Duration lag) {
        busLag.record(lag);
    }

    @Override
    public void queueDepth(int frames) {
        queueDepth.record(frames);
    }

    @Override
    public void close() {
        synchronized (meters) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }

    private <M extends Meter> M keep(M meter) {
        synchronized (meters) {
            meters.add(meter);
        }
        return meter;
    }
}
