package dev.bulletin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback whose open connections can be frozen: from then on it drops what
 * either side sends and hides either side closing, as a dead network path does. Connections made
 * after a freeze are relayed normally. Or the path can be cut: every connection is closed, and so is
 * every new one, until it is restored (a database that is down).
 */
public final class FreezingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    public FreezingProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The connections open now go silent in both directions. */
    public void freeze() {
        links.forEach(link -> link.frozen = true);
    }

    /** Closes the connections open now, and each new one as it comes, until {@link #restore}. */
    public void cut() {
        cut = true;
        for (Link link : links) {
            link.close();
        }
        links.clear();
    }

    /** Relays new connections again. */
    public void restore() {
        cut = false;
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "freezing-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                Link link = new Link(client, server);
                links.add(link);
                daemon(() -> link.pump(client, server));
                daemon(() -> link.pump(server, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        links.forEach(Link::close);
    }

    private static final class Link {

        final Socket client;
        final Socket server;
        volatile boolean frozen;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            try {
                client.close();
                server.close();
            } catch (IOException e) {
                // closed already
            }
        }

        /** Relays one direction; once frozen, it passes on neither bytes nor the end of the connection. */
        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (!frozen) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
                if (!frozen) {
                    to.close();
                }
            } catch (IOException e) {
                // one side is gone: the relay ends
            }
        }
    }
}
