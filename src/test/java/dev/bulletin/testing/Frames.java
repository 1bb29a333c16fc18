package dev.bulletin.testing;

/** Client frames as the protocol writes them, so tests read like PROTOCOL.md. */
public final class Frames {

    private Frames() {
    }

    public static String subscribe(String ref, String... topics) {
        return "{\"type\":\"subscribe\",\"ref\":\"" + ref + "\",\"topics\":" + array(topics) + "}";
    }

    public static String subscribeRecent(String ref, int recent, String... topics) {
        return "{\"type\":\"subscribe\",\"ref\":\"" + ref + "\",\"topics\":" + array(topics) + ",\"recent\":" + recent + "}";
    }

    public static String subscribeResume(String ref, String topic, String cursor) {
        return "{\"type\":\"subscribe\",\"ref\":\"" + ref + "\",\"topics\":[\"" + topic + "\"],\"resume\":{\""
                + topic + "\":\"" + cursor + "\"}}";
    }

    public static String unsubscribe(String ref, String... topics) {
        return "{\"type\":\"unsubscribe\",\"ref\":\"" + ref + "\",\"topics\":" + array(topics) + "}";
    }

    public static String publish(String ref, String topic, String title) {
        return "{\"type\":\"publish\",\"ref\":\"" + ref + "\",\"topic\":\"" + topic + "\",\"item\":{\"title\":\""
                + title + "\"}}";
    }

    private static String array(String... values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
        }
        return json.append(']').toString();
    }
}
