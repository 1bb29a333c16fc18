package dev.bulletin.api;

import dev.bulletin.TopicPolicy;
import dev.bulletin.protocol.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** The caller checks of the HTTP API: 401 with a Basic challenge without a user, 403 without the role. */
final class Access {

    private Access() {
    }

    static String requireUser(SecurityContext security, String purpose) {
        if (security.getUserPrincipal() == null) {
            throw new WebApplicationException(Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                            "unauthorized", purpose + " needs a user: send credentials", null))
                    .header("WWW-Authenticate", "Basic realm=\"bulletin\"").build());
        }
        return security.getUserPrincipal().getName();
    }

    static void requireRole(SecurityContext security, String role, String purpose) {
        requireUser(security, purpose);
        if (!security.isUserInRole(role)) {
            throw new WebApplicationException(Problem.response(Response.Status.FORBIDDEN, ErrorCode.FORBIDDEN,
                    purpose + " needs a user in role " + role, null));
        }
    }

    /** 401 without a user, 403 without a reader's role, for a private topic ({@code bulletin.topic-policy}). */
    static void requireReader(TopicPolicy policy, SecurityContext security, String topic) {
        if (!policy.mayRead(topic, user(security), security::isUserInRole)) {
            requireUser(security, "reading topic " + topic);
            throw new WebApplicationException(Problem.response(Response.Status.FORBIDDEN, ErrorCode.FORBIDDEN,
                    "topic " + topic + " is private: reading it needs one of its readers' roles", "topic"));
        }
    }

    /** 403 for a publisher without a role the topic policy asks of those who publish to this topic. */
    static void requirePublisherOf(TopicPolicy policy, SecurityContext security, String topic) {
        if (topic != null && !policy.mayPublish(topic, user(security), security::isUserInRole)) {
            throw new WebApplicationException(Problem.response(Response.Status.FORBIDDEN, ErrorCode.FORBIDDEN,
                    "topic " + topic + " is private: publishing to it needs one of its publishers' roles", "topic"));
        }
    }

    /** The caller's name, null for an anonymous one. */
    static String user(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
