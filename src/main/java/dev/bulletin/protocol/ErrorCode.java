package dev.bulletin.protocol;

/** The codes of error frames (PROTOCOL.md, "Frames"). */
public final class ErrorCode {

    public static final String BAD_REQUEST = "bad-request";
    public static final String UNKNOWN_TYPE = "unknown-type";
    public static final String BAD_TOPIC = "bad-topic";
    public static final String FORBIDDEN = "forbidden";
    public static final String TOO_MANY_TOPICS = "too-many-topics";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String NOT_FOUND = "not-found";

    private ErrorCode() {
    }
}
