package dev.bulletin.endpoint;

import dev.bulletin.Bulletin;
import dev.bulletin.hub.SessionKey;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;


/** When an HTTP session ends (logout, invalidation, timeout), the sockets opened from its login close with 4001. */
@WebListener
public class SessionEnd implements HttpSessionListener {

    @Inject
    Bulletin bulletin;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(SessionKey.ATTRIBUTE) instanceof String key) {
            bulletin.endHttpSession(key);
        }
    }
}
