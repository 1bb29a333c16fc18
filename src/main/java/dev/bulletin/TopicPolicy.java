package dev.bulletin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which topics are private, and to whom: the setting {@code bulletin.topic-policy}, rules separated
 * by {@code ;}, each a topic pattern ({@code *} for any run of topic characters), the roles that may
 * read it and, optionally, the roles that may publish to it (by default the readers; a publisher
 * also needs {@code bulletin-publisher}), roles separated by {@code ,}:
 * <pre>board.* board board-editor; finance.* finance,auditor</pre>
 * The first rule a topic matches decides; a topic that matches none is public, as every topic was
 * before. Decided when a session subscribes or a request arrives, never per delivered frame.
 */
public final class TopicPolicy {

    public static final TopicPolicy NONE = new TopicPolicy(List.of());

    private final List<Rule> rules;

    private TopicPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The policy the setting's value describes; blank for none. */
    public static TopicPolicy parse(String value) {
        List<Rule> rules = new ArrayList<>();
        for (String text : value.split(";")) {
            String[] parts = text.strip().split("\\s+");
            if (parts.length == 1 && parts[0].isEmpty()) {
                continue;
            }
            if (parts.length < 2 || parts.length > 3 || !parts[0].matches("[a-z0-9*][a-z0-9._*-]{0,63}")) {
                throw new IllegalArgumentException("Setting bulletin.topic-policy has a bad rule '" + text.strip()
                        + "': a rule is 'pattern readers [publishers]', roles separated by commas");
            }
            Pattern pattern = Pattern.compile(Arrays.stream(parts[0].split("\\*", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + "[a-z0-9._-]*" + b).orElseThrow());
            Set<String> readers = roles(parts[1]);
            rules.add(new Rule(parts[0], pattern, readers, parts.length == 3 ? roles(parts[2]) : readers));
        }
        return new TopicPolicy(rules);
    }

    /** Whether someone in these roles (none, for an anonymous client) may read the topic. */
    public boolean mayRead(String topic, Predicate<String> inRole) {
        Rule rule = rule(topic);
        return rule == null || rule.readers().stream().anyMatch(inRole);
    }

    /** Whether a publisher in these roles may publish to the topic. */
    public boolean mayPublish(String topic, Predicate<String> inRole) {
        Rule rule = rule(topic);
        return rule == null || rule.publishers().stream().anyMatch(inRole);
    }

    /** Every role a rule names: a connection's user is checked for them as it opens. */
    public Set<String> roles() {
        Set<String> roles = new TreeSet<>();
        rules.forEach(rule -> {
            roles.addAll(rule.readers());
            roles.addAll(rule.publishers());
        });
        return roles;
    }

    private Rule rule(String topic) {
        for (Rule rule : rules) {
            if (rule.pattern().matcher(topic).matches()) {
                return rule;
            }
        }
        return null;
    }

    private static Set<String> roles(String list) {
        Set<String> roles = new TreeSet<>(Arrays.stream(list.split(",")).map(String::strip)
                .filter(role -> !role.isEmpty()).toList());
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("Setting bulletin.topic-policy names no role in '" + list + "'");
        }
        return roles;
    }

    @Override
    public String toString() {
        return rules.isEmpty() ? "none" : String.join("; ", rules.stream().map(Rule::toString).toList());
    }

    private record Rule(String text, Pattern pattern, Set<String> readers, Set<String> publishers) {

        @Override
        public String toString() {
            return text + " " + String.join(",", readers) + " " + String.join(",", publishers);
        }
    }
}
