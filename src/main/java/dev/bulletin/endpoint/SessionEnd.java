package dev.bulletin.endpoint;

import dev.bulletin.Bulletin;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import java.util.UUID;

/** When an HTTP session ends (logout, invalidation, timeout), the sockets opened from its login close with 4001. */
@WebListener
public class SessionEnd implements HttpSessionListener {

    private static final String KEY = "dev.bulletin.session-key";

    @Inject
    Bulletin bulletin;

    /**
     * The key that sockets opened from this HTTP session are filed under. Not the session id:
     * Payara and GlassFish change the id when a request authenticates, the key stays.
     */
    public static String keyOf(HttpSession session) {
        Object key = session.getAttribute(KEY);
        if (key == null) {
            key = UUID.randomUUID().toString();
            session.setAttribute(KEY, key);
        }
        return (String) key;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(KEY) instanceof String key) {
            bulletin.endHttpSession(key);
        }
    }
}
