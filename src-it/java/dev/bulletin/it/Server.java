package dev.bulletin.it;

import dev.bulletin.endpoint.NewsEndpoint;
import dev.bulletin.endpoint.NotificationsEndpoint;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import dev.bulletin.protocol.Codec;
import jakarta.json.JsonObject;

/** The deployed application as a client sees it: its WebSocket address and its REST API. */
public final class Server {

    public static final String PUBLISHER = "publisher";
    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URL base;

    public Server(URL base) {
        this.base = base;
    }

    public URI news() {
        return URI.create(base.toString().replaceFirst("^http", "ws") + NewsEndpoint.PATH.substring(1));
    }

    public URI notifications() {
        return URI.create(base.toString().replaceFirst("^http", "ws") + NotificationsEndpoint.PATH.substring(1));
    }

    /** {@code /ws/notifications?ticket=}, with a ticket issued to the user. */
    public URI notifications(Ticket ticket) {
        return URI.create(notifications() + "?ticket=" + ticket.ticket());
    }

    /** A ticket from {@code POST /api/tickets}, with the HTTP session cookie it belongs to. */
    public Ticket ticket(String user) {
        HttpResponse<String> response = send(as(user, "api/tickets").POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new AssertionError("tickets answered " + response.statusCode() + ": " + response.body());
        }
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return new Ticket(json(response.body()).getString("ticket"), cookie);
    }

    /** Notifies through {@code POST /api/notifications} as the publisher; the body is the JSON given. */
    public HttpResponse<String> notify(String body) {
        return post("api/notifications", body);
    }

    /** A request as one of the demo users, whose password is their name and "-secret". */
    public HttpRequest.Builder as(String user, String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user, user + "-secret"))
                .header("Content-Type", "application/json");
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    public record Ticket(String ticket, String cookie) {
    }

    /** Publishes through {@code POST /api/news} as the publisher; returns the answer's body. */
    public JsonObject publish(String topic, String title) {
        return publish(topic, title, "");
    }

    public JsonObject publish(String topic, String title, String summary) {
        HttpResponse<String> response = post("api/news", "{\"topic\":\"" + topic + "\",\"title\":\"" + title
                + "\",\"summary\":\"" + summary + "\"}");
        if (response.statusCode() != 201) {
            throw new AssertionError("publish answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    public HttpResponse<String> post(String path, String body) {
        return send(as(PUBLISHER, path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The JSON body of a GET, wrapped as {@code {"body": ...}} so arrays and objects read alike. */
    public JsonObject get(String path) {
        return json("{\"body\":" + fetch(path).body() + "}");
    }

    public HttpResponse<String> fetch(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).build());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** A topic name no other test uses. */
    public static String freshTopic(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    public static JsonObject json(String text) {
        return Codec.JSON.createReader(new StringReader(text)).readObject();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
