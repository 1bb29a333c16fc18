package dev.bulletin.api;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container's resources by their standard names. Looked up rather than injected with
 * {@code @Resource}: Payara 6 does not inject {@code @Resource} fields of CDI beans that come in a
 * jar of {@code WEB-INF/lib}, as Bulletin's do in a host application (found by the Payara suite).
 */
final class Jndi {

    private Jndi() {
    }

    static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(InitialContext.doLookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("The server has no " + name + " (Jakarta EE 10 requires it): " + e, e);
        }
    }
}
