package dev.bulletin.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every WebSocket close code Bulletin uses, with what a client does on it: the table "Closing" of
 * PROTOCOL.md, for the server, the Java client and the docs alike ({@code CloseCodeTableTest}).
 */
public enum CloseCode {

    NORMAL(1000, Then.STOP),
    GOING_AWAY(1001, Then.RECONNECT),
    PROTOCOL_ERROR(1002, Then.STOP),
    CANNOT_ACCEPT(1003, Then.STOP),
    NOT_UTF8(1007, Then.STOP),
    POLICY(1008, Then.STOP),
    TOO_BIG(1009, Then.STOP),
    UNEXPECTED(1011, Then.RECONNECT),
    TRY_AGAIN_LATER(1013, Then.RECONNECT_LATER),
    LOGIN_ENDED(4001, Then.STOP);

    /** What a client does when the server closes with the code. */
    public enum Then {
        /** Gives up: the client has a bug, or its user must sign in again. */
        STOP,
        /** Reconnects with backoff and resumes. */
        RECONNECT,
        /** Waits at least the server's hint (5 s or more), then reconnects and resumes. */
        RECONNECT_LATER
    }

    private final int code;
    private final Then then;

    CloseCode(int code, Then then) {
        this.code = code;
        this.then = then;
    }

    public int code() {
        return code;
    }

    public Then then() {
        return then;
    }

    /** The code, if it is one of Bulletin's; a client reconnects on any other (1006 when a connection just died). */
    public static Optional<CloseCode> of(int code) {
        return Arrays.stream(values()).filter(known -> known.code == code).findFirst();
    }

    /** What a client does on any code, Bulletin's or not. */
    public static Then then(int code) {
        return of(code).map(CloseCode::then).orElse(Then.RECONNECT);
    }
}
