package dev.bulletin.it.wildfly;

import dev.bulletin.it.DeployedWar;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An upgrade request that never arrives whole is dropped after the listener's
 * {@code request-parse-timeout} (configure-bulletin.cli; 2 s here, from BULLETIN_HANDSHAKE_TIMEOUT_MS).
 */
class HandshakeTimeoutIT extends DeployedWar {

    @Test
    void aStalledUpgradeRequestIsDropped() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            String head = "GET " + base.getPath() + "ws/news HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush(); // and never the blank line that ends the request
            InputStream in = socket.getInputStream();
            try {
                byte[] answer = in.readAllBytes();
                String text = new String(answer, StandardCharsets.ISO_8859_1);
                assertTrue(answer.length == 0 || !text.startsWith("HTTP/1.1 101"), "upgraded a request never finished: "
                        + text);
            } catch (SocketTimeoutException stillOpen) {
                fail("the stalled request was still open after 30 s");
            }
        }
    }
}
