package dev.bulletin.client;

import dev.bulletin.protocol.Codec;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/** One-time tickets from {@code POST /api/tickets}, for a client that may not send credentials on the upgrade. */
public final class HttpTickets {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpTickets() {
    }

    /** A source of tickets for this user, fetched with HTTP BASIC from the application at {@code base}. */
    public static Supplier<String> basic(URI base, String user, String password) {
        URI tickets = base.resolve("api/tickets");
        String authorization = basicAuthorization(user, password);
        return () -> fetch(HttpRequest.newBuilder(tickets).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** An {@code Authorization} header value for HTTP BASIC. */
    static String basicAuthorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String fetch(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            JsonObject body = Codec.JSON.createReader(new StringReader(response.body())).readObject();
            return body.getString("ticket");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
