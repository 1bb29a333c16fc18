package dev.bulletin.protocol;

/**
 * Joins the parts of one client message as a container hands them to a partial-message handler,
 * and gives the frame when the last part comes: {@link ClientFrame.TooBig} as soon as the message
 * passes {@link Protocol#MAX_MESSAGE_BYTES}, whatever it would have grown to, so that no more than
 * the limit and one part is ever held. A whole-message handler would not do: Undertow (WildFly 39)
 * reads a whole message into memory before it compares it with the endpoint's {@code maxMessageSize}.
 * One per connection; parts arrive one at a time.
 */
public final class FrameAssembler {

    private static final ClientFrameDecoder DECODER = new ClientFrameDecoder();

    private StringBuilder parts;
    private int bytes;
    private boolean discarding;

    /** The frame the message makes once {@code last} is true; null before, and for the rest of a message already refused. */
    public ClientFrame add(String part, boolean last) {
        if (discarding) {
            discarding = !last;
            return null;
        }
        bytes += utf8Length(part);
        if (bytes > Protocol.MAX_MESSAGE_BYTES) {
            ClientFrame tooBig = new ClientFrame.TooBig(bytes);
            reset();
            discarding = !last;
            return tooBig;
        }
        if (!last) {
            if (parts == null) {
                parts = new StringBuilder(part.length() * 2);
            }
            parts.append(part);
            return null;
        }
        String text = parts == null ? part : parts.append(part).toString();
        reset();
        return DECODER.decode(text);
    }

    private void reset() {
        parts = null;
        bytes = 0;
    }

    /** The length in UTF-8 of the text, without encoding it. */
    static int utf8Length(String text) {
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x800) {
                // three bytes; a surrogate pair is four over its two chars (a lone half, which is no character, counts two)
                length += Character.isSurrogate(c) ? 1 : 2;
            } else if (c >= 0x80) {
                length += 1;
            }
        }
        return length;
    }
}
