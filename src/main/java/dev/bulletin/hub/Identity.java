package dev.bulletin.hub;

import dev.bulletin.protocol.Protocol;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who is on a connection: the user, the roles Bulletin checked for them, the key of the HTTP
 * session their login lives in (null when there is none), whose end closes the connection with
 * 4001, and when their login ends by itself (the {@code exp} of the bearer token they signed in
 * with; null when it does not), which closes it with 4001 too.
 */
public record Identity(String user, Set<String> roles, String httpSession, Instant loginEnds) {

    public Identity {
        roles = Set.copyOf(roles);
    }

    /** A login that ends only with its HTTP session, if it has one. */
    public Identity(String user, Set<String> roles, String httpSession) {
        this(user, roles, httpSession, null);
    }

    /** Of these roles and the publisher role, those the container says the user is in. */
    public static Set<String> checkRoles(Collection<String> roles, Predicate<String> isUserInRole) {
        Set<String> held = new HashSet<>();
        for (String role : roles) {
            if (isUserInRole.test(role)) {
                held.add(role);
            }
        }
        if (isUserInRole.test(Protocol.PUBLISHER_ROLE)) {
            held.add(Protocol.PUBLISHER_ROLE);
        }
        return held;
    }

    public boolean inRole(String role) {
        return roles.contains(role);
    }
}
