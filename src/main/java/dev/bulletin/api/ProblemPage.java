package dev.bulletin.api;

import dev.bulletin.protocol.Codec;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The deployment's error page (web.xml): what the container or a filter answers with
 * {@code sendError} (a refused login, a refused Origin, an upgrade without a user) is a problem
 * document with the error's message as its {@code detail}, not the container's HTML page. The
 * headers set before the error, such as {@code WWW-Authenticate} or {@code Retry-After}, stay.
 */
public class ProblemPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Response.Status status = code instanceof Integer number ? Response.Status.fromStatusCode(number) : null;
        if (status == null) {
            status = Response.Status.NOT_FOUND; // asked for directly, not as an error page
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        Problem problem = Problem.answered(status, message instanceof String text && !text.isBlank() ? text : null);
        response.setStatus(status.getStatusCode());
        response.setContentType(Problem.MEDIA_TYPE); // bytes, not a writer: JSON takes no charset parameter
        response.getOutputStream().write(Codec.JSONB.toJson(problem).getBytes(StandardCharsets.UTF_8));
    }
}
