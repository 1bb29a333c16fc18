package dev.bulletin.metrics.micrometer;

import dev.bulletin.metrics.Metrics;
import dev.bulletin.metrics.Readings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bulletin's meters in the server's Micrometer registry; names as Prometheus shows them in
 * docs/OPERATIONS.md. Loaded only where the server gives the application Micrometer (WildFly's
 * micrometer subsystem).
 *
 * <p>Every meter is registered through the registry's own methods ({@code counter}, {@code gauge},
 * {@code more()}), never a builder: WildFly 39 hands a deployment a registry that passes on only
 * those to the one it exports, drops any histogram configuration on the way, and its Micrometer
 * module lacks HdrHistogram, which percentiles need. So times and sizes are kept in plain Micrometer
 * meters of Bulletin's own, and the exported registry reads their count, total and recent maximum.
 */
public final class MicrometerMetrics implements Metrics {

    private static final System.Logger LOG = System.getLogger(MicrometerMetrics.class.getName());

    private final MeterRegistry registry;
    private final SimpleMeterRegistry own = new SimpleMeterRegistry();
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
    private final Counter resumed;
    private final Counter notResumed;
    private final Timer commit;
    private final DistributionSummary batch;
    private final Timer deliveryLag;
    private final Timer busLag;
    private final DistributionSummary queueDepth;
    /** Held here: a registry holds the objects its gauges read only weakly. */
    private Readings readings;

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Refusal reason : Refusal.values()) {
            refusals.put(reason, registry.counter("bulletin.refusals", "reason", reason.label()));
        }
        resumed = registry.counter("bulletin.resumes", "outcome", "resumed");
        notResumed = registry.counter("bulletin.resumes", "outcome", "not_resumed");
        commit = timer("bulletin.store.commit");
        batch = summary("bulletin.store.batch", "appends");
        deliveryLag = timer("bulletin.delivery.lag");
        busLag = timer("bulletin.bus.lag");
        queueDepth = summary("bulletin.outbound.queue", "frames");
    }

    /** Into the registry the container's CDI has, if it has one. */
    public static Metrics fromContainer() {
        Instance<MeterRegistry> registries = CDI.current().select(MeterRegistry.class);
        if (!registries.isResolvable()) {
            LOG.log(System.Logger.Level.INFO, "Bulletin keeps no metrics: Micrometer is here, but no meter registry");
            return Metrics.NONE;
        }
        LOG.log(System.Logger.Level.INFO, "Bulletin records its metrics into the server's Micrometer registry");
        return new MicrometerMetrics(registries.get());
    }

    /**
     * A timer of Bulletin's own, exported as {@code NAME_seconds_count} and {@code _sum} (a function
     * timer) and {@code NAME_max_seconds}, the longest of the last two minutes.
     */
    private Timer timer(String name) {
        Timer timer = Timer.builder(name).register(own);
        registry.more().timer(name, Tags.empty(), timer, Timer::count, t -> t.totalTime(TimeUnit.SECONDS),
                TimeUnit.SECONDS);
        registry.gauge(name + ".max.seconds", Tags.empty(), timer, t -> t.max(TimeUnit.SECONDS));
        return timer;
    }

    /** A summary of Bulletin's own, exported as {@code NAME_max_UNIT}, the largest of the last two minutes. */
    private DistributionSummary summary(String name, String unit) {
        DistributionSummary summary = DistributionSummary.builder(name).register(own);
        registry.gauge(name + ".max." + unit, Tags.empty(), summary, DistributionSummary::max);
        return summary;
    }

    @Override
    public void bind(Readings readings) {
        this.readings = readings;
        for (String endpoint : List.of("news", "notifications")) {
            registry.gauge("bulletin.connections", Tags.of("endpoint", endpoint), readings,
                    r -> r.connections(endpoint));
        }
        registry.gauge("bulletin.subscriptions", Tags.empty(), readings, Readings::subscriptions);
        registry.more().counter("bulletin.frames.delivered", Tags.empty(), readings, Readings::delivered);
        registry.more().counter("bulletin.frames.dropped", Tags.empty(), readings, Readings::dropped);
        registry.more().counter("bulletin.evictions", Tags.empty(), readings, Readings::evicted);
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

    /** Removes Bulletin's meters from the server's registry: those whose name starts with {@code bulletin.}. */
    @Override
    public void close() {
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().startsWith("bulletin.")) {
                registry.remove(meter);
            }
        }
        own.close();
    }
}
