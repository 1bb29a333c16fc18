package dev.bulletin.protocol;

/**
 * A client sent something the protocol does not allow. It carries the error code of an
 * error frame and the field at fault, so a WebSocket reply and a problem+json answer can
 * say the same thing.
 */
public class InvalidInput extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidInput(String code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public static InvalidInput badRequest(String field, String message) {
        return new InvalidInput(ErrorCode.BAD_REQUEST, field, message);
    }

    public String code() {
        return code;
    }

    /** The JSON field at fault, or null when the message as a whole is wrong. */
    public String field() {
        return field;
    }
}
