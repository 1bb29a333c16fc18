package dev.bulletin.store.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container-managed entity manager of Bulletin's persistence unit, for its stores: the
 * container's transaction-scoped one, safe to share. Looked up through the reference that the
 * library's web fragment declares, not injected with {@code @PersistenceContext}: GlassFish injects
 * none into a bean of a {@code WEB-INF/lib} jar, where Bulletin's classes live (found by the
 * GlassFish smoke suite).
 */
@ApplicationScoped
public class BulletinUnitProducer {

    static final String REFERENCE = "java:comp/env/dev.bulletin/persistence";

    private volatile EntityManager em;

    /**
     * Looks the entity manager up now, as Bulletin starts, where the server can: WildFly resolves
     * {@code java:comp/env} on the deployment's thread but on no thread of its managed executors,
     * where the stores are first used. Payara and GlassFish resolve it only inside a component's
     * call (a request, or a task of their managed executors, which carry it), not at start: there
     * the first use looks it up.
     */
    public void lookUpEarly() {
        try {
            em = InitialContext.doLookup(REFERENCE);
        } catch (NamingException e) {
            // resolved at first use (Payara, GlassFish)
        }
    }

    @Produces
    @BulletinUnit
    EntityManager entityManager() {
        if (em == null) {
            try {
                em = InitialContext.doLookup(REFERENCE);
            } catch (NamingException e) {
                throw new IllegalStateException("No " + REFERENCE + ": Bulletin's web fragment declares it, and the"
                        + " server did not bind it (" + e + ")", e);
            }
        }
        return em;
    }
}
