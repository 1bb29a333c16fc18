package dev.bulletin.hub;

import jakarta.servlet.http.HttpSession;

import java.util.UUID;

/**
 * The key that sockets opened from an HTTP session's login are filed under ({@link Identity#httpSession}).
 * Not the session id: Payara and GlassFish change the id when a request authenticates, the key stays.
 */
public final class SessionKey {

    /** The session attribute that holds the key. */
    public static final String ATTRIBUTE = "dev.bulletin.session-key";

    private SessionKey() {
    }

    public static String of(HttpSession session) {
        Object key = session.getAttribute(ATTRIBUTE);
        if (key == null) {
            key = UUID.randomUUID().toString();
            session.setAttribute(ATTRIBUTE, key);
        }
        return (String) key;
    }
}
