package dev.bulletin.protocol;

import java.util.regex.Pattern;

/** The constants of wire protocol version 1 that code on both sides of the socket shares. */
public final class Protocol {

    public static final String V1 = "bulletin.v1.json";
    /** The same frames as {@link #V1}, as CBOR in binary messages. */
    public static final String V1_CBOR = "bulletin.v1.cbor";

    /** The largest client message; the endpoints enforce it with close code 1009. */
    public static final int MAX_MESSAGE_BYTES = 65_536;

    public static final int MAX_REF_LENGTH = 64;
    public static final int MAX_RECENT = 100;

    /**
     * Items one frame replays at most: a resume's items in all its topics (past that, {@code resumed:
     * false}), and the newest unread notifications of a connecting session.
     */
    public static final int MAX_REPLAY = 1_000;

    public static final String PUBLISHER_ROLE = "bulletin-publisher";

    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Protocol() {
    }

    public static boolean isTopic(String name) {
        return name != null && TOPIC.matcher(name).matches();
    }

    /** An id a publisher may choose for an item (its idempotency key). */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A client's value, cut short enough to quote in an error message. */
    static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
