package dev.bulletin.protocol;

import java.util.List;
import java.util.Map;

/** Frames a client sends, as {@link ClientFrameDecoder} reads them. */
public sealed interface ClientFrame {

    /** The client's correlation string, echoed in the reply; may be null. */
    String ref();

    /** {@code resume} maps a topic to the last cursor the client saw; {@code recent} is 0 when not asked. */
    record Subscribe(String ref, List<String> topics, Map<String, String> resume, int recent) implements ClientFrame {
    }

    record Unsubscribe(String ref, List<String> topics) implements ClientFrame {
    }

    record Ack(String ref, List<String> ids) implements ClientFrame {
    }

    record Ping(String ref) implements ClientFrame {
    }

    /** The draft is not validated yet: the publishing path does that, for every way in alike. */
    record Publish(String ref, NewsDraft draft) implements ClientFrame {
    }

    /**
     * A message over {@link Protocol#MAX_MESSAGE_BYTES}, which closes the connection with 1009.
     * Tyrus enforces the endpoint's {@code maxMessageSize} itself; Undertow (WildFly 39) does not.
     */
    record TooBig(int bytes) implements ClientFrame {
        @Override
        public String ref() {
            return null;
        }
    }

    /** A message that is not a valid client frame; the endpoint answers it with an error frame. */
    record Invalid(String ref, InvalidInput problem) implements ClientFrame {
    }
}
