package dev.bulletin.protocol;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

import java.util.List;
import java.util.Map;

/** Frames the server sends; JSON-B writes the {@code type} member from the subtype alias. */
@JsonbTypeInfo(key = "type", value = {
    @JsonbSubtype(alias = "welcome", type = ServerFrame.Welcome.class),
    @JsonbSubtype(alias = "subscribed", type = ServerFrame.Subscribed.class),
    @JsonbSubtype(alias = "unsubscribed", type = ServerFrame.Unsubscribed.class),
    @JsonbSubtype(alias = "pong", type = ServerFrame.Pong.class),
    @JsonbSubtype(alias = "published", type = ServerFrame.Published.class),
    @JsonbSubtype(alias = "news", type = ServerFrame.News.class),
    @JsonbSubtype(alias = "notification", type = ServerFrame.Notification.class),
    @JsonbSubtype(alias = "acked", type = ServerFrame.Acked.class),
    @JsonbSubtype(alias = "read", type = ServerFrame.Read.class),
    @JsonbSubtype(alias = "error", type = ServerFrame.Error.class)
})
public sealed interface ServerFrame {

    record Limits(int maxMessageBytes, int maxTopics) {
    }

    record Welcome(String protocol, String session, @JsonbNillable String user, long heartbeat, Limits limits)
            implements ServerFrame {
    }

    record Subscribed(String ref, List<String> topics, Map<String, Boolean> resumed) implements ServerFrame {
    }

    record Unsubscribed(String ref, List<String> topics) implements ServerFrame {
    }

    record Pong(String ref, String time) implements ServerFrame {
    }

    record Published(String ref, String id, String topic, String cursor) implements ServerFrame {
    }

    record News(String topic, String cursor, boolean replay, NewsItem item) implements ServerFrame {
    }

    record Notification(String cursor, boolean replay, NotificationItem item) implements ServerFrame {
    }

    record Acked(String ref, List<String> ids) implements ServerFrame {
    }

    /** Another session of the same user, or the HTTP API, marked these notifications read. */
    record Read(List<String> ids) implements ServerFrame {
    }

    record Error(String ref, String code, String message) implements ServerFrame {
    }
}
