package dev.bulletin.endpoint;

import dev.bulletin.Bulletin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Hands the client's IP address to the WebSocket handshake, which the Jakarta WebSocket API does
 * not show, when {@code bulletin.max-connections-per-address} needs it: the upgrade request goes
 * on with a header {@value #HEADER} that holds the address the server saw. Any header of that name
 * the client sent is replaced, or removed when the setting is off (then a connection costs no
 * memory for it). The container's upgrade filter runs after the application's, so
 * {@link HandshakeGuard} reads the header from the handshake request.
 */
public class PeerAddress extends HttpFilter {

    static final String HEADER = "Bulletin-Peer-Address";

    @Inject
    Bulletin bulletin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String address = bulletin.config().maxConnectionsPerAddress() > 0 ? request.getRemoteAddr() : null;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HEADER.equalsIgnoreCase(name) ? address : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return !HEADER.equalsIgnoreCase(name) ? super.getHeaders(name)
                        : Collections.enumeration(address == null ? List.of() : List.of(address));
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = Collections.list(super.getHeaderNames());
                names.removeIf(HEADER::equalsIgnoreCase);
                if (address != null) {
                    names.add(HEADER);
                }
                return Collections.enumeration(names);
            }
        }, response);
    }
}
