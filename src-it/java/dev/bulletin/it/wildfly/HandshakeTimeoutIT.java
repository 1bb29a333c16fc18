package dev.bulletin.it.wildfly;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;

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
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandshakeTimeoutIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("bulletin.war")));
    }

    @Test
    void aStalledUpgradeRequestIsDropped() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 8080), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /bulletin/ws/news HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n").getBytes(StandardCharsets.ISO_8859_1));
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
