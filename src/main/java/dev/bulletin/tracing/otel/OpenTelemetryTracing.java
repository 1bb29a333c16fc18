package dev.bulletin.tracing.otel;

import dev.bulletin.tracing.Trace;
import dev.bulletin.tracing.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulletin's spans, made through the OpenTelemetry the server gives the application: on WildFly
 * the one of its {@code opentelemetry} subsystem, which exports them. No span names a user: a
 * notification's spans carry its kind, never its inbox.
 */
public final class OpenTelemetryTracing implements Tracing {

    static final AttributeKey<String> KIND = AttributeKey.stringKey("bulletin.kind");
    static final AttributeKey<String> TOPIC = AttributeKey.stringKey("bulletin.topic");
    static final AttributeKey<String> NODE = AttributeKey.stringKey("bulletin.node");
    static final AttributeKey<Long> APPENDS = AttributeKey.longKey("bulletin.store.appends");

    private static final String TRACEPARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT.equals(key) ? traceparent : null;
        }
    };

    private final Tracer tracer;
    private final String node;

    public OpenTelemetryTracing(OpenTelemetry openTelemetry, String node) {
        this.tracer = openTelemetry.getTracer("dev.bulletin");
        this.node = node;
    }

    /** Through the OpenTelemetry bean the server gives the application (WildFly's opentelemetry subsystem). */
    public static Tracing fromContainer(String node) {
        return new OpenTelemetryTracing(CDI.current().select(OpenTelemetry.class).get(), node);
    }

    @Override
    public Trace publish(String kind, String topic) {
        SpanBuilder span = tracer.spanBuilder("bulletin.publish").setAttribute(KIND, kind).setAttribute(NODE, node);
        if (topic != null) {
            span.setAttribute(TOPIC, topic);
        }
        return new SpanTrace(span.startSpan());
    }

    @Override
    public String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    @Override
    public void continued(String traceparent, String name, Runnable work) {
        if (traceparent == null) {
            work.run();
            return;
        }
        Context parent = W3C.extract(Context.root(), traceparent, HEADER);
        run(tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER), work);
    }

    private void run(SpanBuilder builder, Runnable work) {
        Span span = builder.setAttribute(NODE, node).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private final class SpanTrace implements Trace {

        private final Span span;
        private final Context context;

        SpanTrace(Span span) {
            this.span = span;
            this.context = Context.current().with(span);
        }

        @Override
        public void stored(Instant start, Instant end, int appends) {
            tracer.spanBuilder("bulletin.store").setParent(context).setStartTimestamp(start)
                    .setAttribute(NODE, node).setAttribute(APPENDS, (long) appends).startSpan().end(end);
        }

        @Override
        public void step(String name, Runnable step) {
            run(tracer.spanBuilder(name).setParent(context), step);
        }

        @Override
        public void end(Throwable failure) {
            if (failure != null) {
                // the class only: a failure's message may quote what was published
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            span.end();
        }
    }
}
