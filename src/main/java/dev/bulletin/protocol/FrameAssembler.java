package dev.bulletin.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Joins the parts of one client message as a container hands them to a partial-message handler,
 * and gives the frame when the last part comes: {@link ClientFrame.TooBig} as soon as the message
 * passes {@link Protocol#MAX_MESSAGE_BYTES}, whatever it would have grown to, so that no more than
 * the limit and one part is ever held. A whole-message handler would not do: Undertow (WildFly 39)
 * reads a whole message into memory before it compares it with the endpoint's {@code maxMessageSize}.
 * One per connection, which speaks one subprotocol: text parts for {@code bulletin.v1.json}, binary
 * parts for {@code bulletin.v1.cbor}; parts arrive one at a time.
 */
public final class FrameAssembler {

    private static final ClientFrameDecoder JSON = new ClientFrameDecoder();
    private static final ClientFrameCborDecoder CBOR = new ClientFrameCborDecoder();

    private StringBuilder text;
    private ByteArrayOutputStream binary;
    private int bytes;
    private boolean discarding;

    /** The frame the text message makes once {@code last} is true; null before, and for the rest of a message already refused. */
    public ClientFrame add(String part, boolean last) {
        if (discarding) {
            discarding = !last;
            return null;
        }
        bytes += utf8Length(part);
        if (bytes > Protocol.MAX_MESSAGE_BYTES) {
            return tooBig(last);
        }
        if (!last) {
            if (text == null) {
                text = new StringBuilder(part.length() * 2);
            }
            text.append(part);
            return null;
        }
        String message = text == null ? part : text.append(part).toString();
        reset();
        return JSON.decode(message);
    }

    /** The frame the binary message makes once {@code last} is true; null before, and for the rest of a message already refused. */
    public ClientFrame add(ByteBuffer part, boolean last) {
        if (discarding) {
            discarding = !last;
            return null;
        }
        bytes += part.remaining();
        if (bytes > Protocol.MAX_MESSAGE_BYTES) {
            return tooBig(last);
        }
        if (!last) {
            if (binary == null) {
                binary = new ByteArrayOutputStream(part.remaining() * 2);
            }
            binary.writeBytes(Cbor.bytes(part));
            return null;
        }
        ByteBuffer message = binary == null ? part : ByteBuffer.wrap(append(binary, Cbor.bytes(part)));
        reset();
        return CBOR.decode(message);
    }

    /** The message is past the limit: the rest of it, up to its last part, is discarded. */
    private ClientFrame tooBig(boolean last) {
        ClientFrame tooBig = new ClientFrame.TooBig(bytes);
        reset();
        discarding = !last;
        return tooBig;
    }

    private static byte[] append(ByteArrayOutputStream parts, byte[] last) {
        parts.writeBytes(last);
        return parts.toByteArray();
    }

    private void reset() {
        text = null;
        binary = null;
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
