package dev.bulletin.it.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Where the nodes under test export their spans: the receiving end of OTLP over HTTP
 * ({@code POST /v1/traces}, protobuf, as the OpenTelemetry SDK in WildFly sends it), decoded with
 * OTLP's own messages. It stands in for a collector, which no registry these machines reach offers
 * (Jaeger, Tempo and the OpenTelemetry Collector are Go programs; Zipkin's OTLP module is not on
 * Maven Central): what WildFly sends is real, the keeping is the test's.
 */
final class Collector implements AutoCloseable {

    /** A span as a trace viewer shows it: ids in hex, attributes as text. */
    record Span(String traceId, String spanId, String parentSpanId, String name, Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<String> otherPaths = new CopyOnWriteArrayList<>();

    Collector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    /** The OTLP endpoint to give the SDK ({@code OTEL_EXPORTER_OTLP_ENDPOINT}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    /** What arrived on other paths than traces' (metrics, logs): nothing, where only traces are exported. */
    List<String> otherPaths() {
        return List.copyOf(otherPaths);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders()
                .getFirst("Content-Encoding")) ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            if (!exchange.getRequestURI().getPath().equals("/v1/traces")) {
                otherPaths.add(exchange.getRequestURI().getPath());
                body.readAllBytes();
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            keep(ExportTraceServiceRequest.parseFrom(body));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> spans.add(new Span(hex.formatHex(span.getTraceId().toByteArray()),
                        hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
                        span.getName(), span.getAttributesList().stream().collect(Collectors.toMap(KeyValue::getKey,
                                attribute -> text(attribute), (first, second) -> first)))));
            }
        }
    }

    private static String text(KeyValue attribute) {
        var value = attribute.getValue();
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
