package dev.bulletin.endpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Authenticates a request that carries credentials, on any path. Bulletin's resources are
 * open to anonymous callers and decide for themselves what needs a user, so no security
 * constraint covers them; WildFly then checks credentials anyway, but Payara, GlassFish and
 * Open Liberty only do when asked. Wrong credentials get the container's 401 challenge.
 */
public class Credentials extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null && request.getHeader("Authorization") != null
                && !request.authenticate(response)) {
            return;
        }
        chain.doFilter(request, response);
    }
}
