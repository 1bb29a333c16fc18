package dev.bulletin.testing;

import dev.bulletin.protocol.Protocol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.bulletin.testing.RawWebSocket.BINARY;
import static dev.bulletin.testing.RawWebSocket.CLOSE;
import static dev.bulletin.testing.RawWebSocket.CONTINUATION;
import static dev.bulletin.testing.RawWebSocket.PING;
import static dev.bulletin.testing.RawWebSocket.TEXT;

/**
 * Frames no client library sends, each with the close code RFC 6455 (and PROTOCOL.md, for the
 * size limit and binary frames) gives it. The same cases run against embedded Tyrus
 * ({@code HostileFramesTest}) and WildFly ({@code HostileFramesIT}).
 */
public enum HostileFrame {

    UNMASKED(1002, s -> s.sendFrame(true, 0, TEXT, false, ping())),
    CONTROL_FRAME_OVER_125_BYTES(1002, s -> s.sendFrame(true, 0, PING, true, new byte[126])),
    FRAGMENTED_PING(1002, s -> s.sendFrame(false, 0, PING, true, new byte[] {1})),
    RESERVED_DATA_OPCODE(1002, s -> s.sendFrame(true, 0, 3, true, ping())),
    RESERVED_CONTROL_OPCODE(1002, s -> s.sendFrame(true, 0, 0xB, true, new byte[0])),
    RSV_BITS_WITHOUT_EXTENSION(1002, s -> s.sendFrame(true, 4, TEXT, true, ping())),
    /**
     * RFC 6455 would fail it with 1009, but neither Undertow nor Tyrus compares a declared length
     * with the limit: they wait for bytes that never come, and Bulletin's heartbeat closes the
     * silent connection (1001).
     */
    ABSURD_64_BIT_LENGTH(1001, s -> s.declareText(Long.MAX_VALUE)),
    INVALID_UTF8(1007, s -> s.sendFrame(true, 0, TEXT, true, new byte[] {'"', (byte) 0xC3, 0x28, '"'})),
    INVALID_UTF8_ACROSS_FRAGMENTS(1007, s -> {
        s.sendFrame(false, 0, TEXT, true, new byte[] {'"', (byte) 0xE2, (byte) 0x82});
        s.sendFrame(true, 0, CONTINUATION, true, new byte[] {0x28, '"'});
    }),
    CONTINUATION_WITHOUT_START(1002, s -> s.sendFrame(true, 0, CONTINUATION, true, ping())),
    OVER_THE_LIMIT_IN_ONE_FRAME(1009, s -> s.sendFrame(true, 0, TEXT, true, overLimit())),
    OVER_THE_LIMIT_IN_1000_FRAGMENTS(1009, s -> {
        byte[] message = overLimit();
        int size = message.length / 1_000 + 1;
        for (int from = 0; from < message.length; from += size) {
            int to = Math.min(message.length, from + size);
            s.sendFrame(to == message.length, 0, from == 0 ? TEXT : CONTINUATION, true,
                    Arrays.copyOfRange(message, from, to));
        }
    }),
    CLOSE_WITH_ONE_BYTE(1002, s -> s.sendFrame(true, 0, CLOSE, true, new byte[] {3})),
    CLOSE_CODE_999(1002, s -> s.sendFrame(true, 0, CLOSE, true, closeCode(999))),
    CLOSE_CODE_1004(1002, s -> s.sendFrame(true, 0, CLOSE, true, closeCode(1004))),
    CLOSE_CODE_1005(1002, s -> s.sendFrame(true, 0, CLOSE, true, closeCode(1005))),
    CLOSE_CODE_1006(1002, s -> s.sendFrame(true, 0, CLOSE, true, closeCode(1006))),
    CLOSE_CODE_1015(1002, s -> s.sendFrame(true, 0, CLOSE, true, closeCode(1015))),
    CLOSE_CODE_5000(1002, s -> s.sendFrame(true, 0, CLOSE, true, closeCode(5000))),
    BINARY_FRAME(1003, s -> s.sendFrame(true, 0, BINARY, true, new byte[] {1, 2, 3})),
    PING_FLOOD(HostileFrame.SERVED, s -> {
        for (int i = 0; i < 10_000; i++) {
            s.sendFrame(true, 0, PING, true, new byte[] {1});
        }
    }),
    PONG_FLOOD(HostileFrame.SERVED, s -> {
        for (int i = 0; i < 10_000; i++) {
            s.sendFrame(true, 0, RawWebSocket.PONG, true, new byte[] {1});
        }
    });

    /** Not a close code: the connection stays open and is served as before. */
    public static final int SERVED = 0;

    /** The close code the server answers with, or {@link #SERVED}. */
    public final int expected;
    private final Attack attack;

    HostileFrame(int expected, Attack attack) {
        this.expected = expected;
        this.attack = attack;
    }

    /**
     * Sends the frames to a connection that was welcomed; answers what the server did: its close
     * code, {@link #SERVED} when it still answers a ping of the protocol, or -1 when the connection
     * ended without a close frame. Fails when the connection neither ends nor answers.
     */
    public int sendTo(RawWebSocket socket) throws IOException {
        return sendTo(socket, expected);
    }

    /** As {@link #sendTo(RawWebSocket)}, for a container that answers otherwise than {@link #expected}. */
    public int sendTo(RawWebSocket socket, int expected) throws IOException {
        attack.send(socket);
        if (expected != SERVED) {
            return socket.readUntilEnd().orElse(-1);
        }
        socket.sendText(new String(ping(), StandardCharsets.UTF_8));
        return socket.readUntil(TEXT).text().contains("\"pong\"") ? SERVED : -1;
    }

    private static byte[] ping() {
        return "{\"type\":\"ping\",\"ref\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    }

    /** A valid ping frame of the protocol, one byte over the limit. */
    private static byte[] overLimit() {
        String head = "{\"type\":\"ping\",\"ref\":\"";
        return (head + "x".repeat(Protocol.MAX_MESSAGE_BYTES + 1 - head.length() - 2) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] closeCode(int code) {
        return ByteBuffer.allocate(2).putShort((short) code).array();
    }

    @FunctionalInterface
    private interface Attack {
        void send(RawWebSocket socket) throws IOException;
    }
}
