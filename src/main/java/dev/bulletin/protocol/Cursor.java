package dev.bulletin.protocol;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A position in a topic's history, written {@code epoch:seq}. The epoch names one life of a
 * store (a restart of the in-memory store starts a new one), so a cursor from another life
 * is recognised and never mistaken for a position in this one. Clients treat it as opaque.
 */
public record Cursor(String epoch, long seq) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh epoch for a store that starts with no history. */
    public static String newEpoch() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public static Optional<Cursor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        try {
            long seq = Long.parseLong(text.substring(colon + 1));
            return seq < 0 ? Optional.empty() : Optional.of(new Cursor(text.substring(0, colon), seq));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return epoch + ":" + seq;
    }
}
