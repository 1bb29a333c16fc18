package dev.bulletin.bench.naive;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Session;
import java.io.IOException;

/**
 * POST /publish: the body, a frame, to every session with {@code getAsyncRemote().sendObject},
 * which encodes it once per session; with {@code ?encode=once}, encoded once and sent to every
 * session with {@code sendText}: the two differ only in where the encoding happens.
 */
@WebServlet("/publish")
public class PublishServlet extends HttpServlet {

    /** GET /publish: how many sessions are open, so that a measurement can wait for closed ones to go. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.getWriter().print("{\"sessions\":" + NaiveEndpoint.SESSIONS.size() + "}");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Frame frame = FrameEncoder.JSONB.fromJson(request.getInputStream(), Frame.class);
        if ("once".equals(request.getParameter("encode"))) {
            String text = FrameEncoder.JSONB.toJson(frame);
            for (Session session : NaiveEndpoint.SESSIONS) {
                session.getAsyncRemote().sendText(text);
            }
        } else {
            for (Session session : NaiveEndpoint.SESSIONS) {
                session.getAsyncRemote().sendObject(frame);
            }
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
    }
}
