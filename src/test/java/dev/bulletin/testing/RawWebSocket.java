package dev.bulletin.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket client over a plain socket, for what a well-behaved client library will not do:
 * never answer a ping, stop reading, send a forbidden Origin, read the handshake's status and
 * headers, or write any frame at all, malformed ones included ({@link #sendFrame}).
 */
public final class RawWebSocket implements AutoCloseable {

    public static final int CONTINUATION = 0;
    public static final int TEXT = 1;
    public static final int BINARY = 2;
    public static final int CLOSE = 8;
    public static final int PING = 9;
    public static final int PONG = 10;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int status;
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();

    private RawWebSocket(URI uri, Map<String, String> headers, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        StringBuilder request = new StringBuilder("GET " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String statusLine = readLine();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            responseHeaders.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
        }
    }

    /** Opens a socket and sends the upgrade; the small receive buffer makes a client that stops reading stall soon. */
    public static RawWebSocket open(URI uri, Map<String, String> headers, int receiveBuffer) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Sec-WebSocket-Protocol", "bulletin.v1.json");
        all.putAll(headers);
        return new RawWebSocket(uri, all, receiveBuffer);
    }

    public static RawWebSocket open(URI uri) throws IOException {
        return open(uri, Map.of(), 0);
    }

    /** The HTTP status of the handshake answer: 101 when upgraded. */
    public int status() {
        return status;
    }

    /** A header of the handshake answer, by its name in lower case. */
    public String responseHeader(String name) {
        return responseHeaders.get(name);
    }

    public Frame read() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** Reads frames until one of the opcode arrives. */
    public Frame readUntil(int opcode) throws IOException {
        Frame frame = read();
        while (frame.opcode() != opcode) {
            frame = read();
        }
        return frame;
    }

    /**
     * Reads until the server ends the connection: the code of its close frame, or empty when the
     * connection ended without one (reset, or end of stream). Fails if it is still open after the read timeout.
     */
    public OptionalInt readUntilEnd() {
        try {
            return OptionalInt.of(readUntil(CLOSE).closeCode());
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection is still open", stillOpen);
        } catch (IOException ended) {
            return OptionalInt.empty();
        }
    }

    public void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers a ping as RFC 6455 says: a pong with the ping's payload. */
    public void pong(Frame ping) throws IOException {
        send(PONG, ping.payload());
    }

    private void send(int opcode, byte[] payload) throws IOException {
        sendFrame(true, 0, opcode, true, payload);
    }

    /**
     * Writes one frame exactly as told, whatever RFC 6455 says of it: the FIN bit, the RSV bits
     * ({@code rsv} 0 to 7), any opcode, masked or not.
     */
    public void sendFrame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        writeHeader(fin, rsv, opcode, masked ? mask : null, payload.length);
        byte[] body = payload.clone();
        for (int i = 0; masked && i < body.length; i++) {
            body[i] ^= mask[i % 4];
        }
        out.write(body);
        out.flush();
    }

    /** Writes a masked text frame's header that declares {@code length} bytes, and none of them. */
    public void declareText(long length) throws IOException {
        writeHeader(true, 0, TEXT, new byte[4], length);
        out.flush();
    }

    /**
     * Sends one text message of {@code total} bytes, in one frame ({@code fragment} 0) or in
     * fragments of that many bytes, while reading what the server answers; stops sending once it
     * answered. The answer: how many payload bytes had gone out by then, and the close code.
     */
    public Answer sendUntilAnswered(long total, int fragment) throws IOException {
        AtomicLong sent = new AtomicLong();
        AtomicBoolean answered = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            byte[] mask = {0x11, 0x22, 0x33, 0x44};
            byte[] chunk = new byte[65_536]; // a multiple of 4, so that the mask lines up from chunk to chunk
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) ('a' ^ mask[i % 4]);
            }
            try {
                if (fragment == 0) {
                    writeHeader(true, 0, TEXT, mask, total);
                }
                for (long left = total; left > 0 && !answered.get(); ) {
                    int n = (int) Math.min(fragment == 0 ? chunk.length : fragment, left);
                    if (fragment > 0) {
                        writeHeader(n == left, 0, left == total ? TEXT : CONTINUATION, mask, n);
                    }
                    out.write(chunk, 0, n);
                    sent.addAndGet(n);
                    left -= n;
                }
                out.flush();
            } catch (IOException closed) {
                // the server ended the connection while this was still sending: what the test looks for
            }
        }, "huge-message-writer");
        writer.start();
        OptionalInt code = readUntilEnd();
        long sentBeforeTheAnswer = sent.get();
        answered.set(true);
        socket.close();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Answer(sentBeforeTheAnswer, code);
    }

    /** What {@link #sendUntilAnswered} saw: the bytes sent before the server answered, and its close code if any. */
    public record Answer(long sent, OptionalInt closeCode) {
    }

    private void writeHeader(boolean fin, int rsv, int opcode, byte[] mask, long length) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) ((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode & 0x0F));
        int maskBit = mask != null ? 0x80 : 0;
        if (length < 126) {
            header.put((byte) (maskBit | length));
        } else if (length < 65_536) {
            header.put((byte) (maskBit | 126)).putShort((short) length);
        } else {
            header.put((byte) (maskBit | 127)).putLong(length);
        }
        if (mask != null) {
            header.put(mask);
        }
        out.write(header.array(), 0, header.position());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed during the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    public record Frame(int opcode, byte[] payload) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame. */
        public int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }
}
