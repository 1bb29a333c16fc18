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
 * <pre>board.* board board-editor; finance.* finance,auditor; desk.{user} support</pre>
 * A pattern may hold {@code {user}} once: a topic it matches belongs to the user whose name stands
 * there ({@code desk.alice} to alice), who may read it and publish to it besides the roles named;
 * {@code -} names no role ({@code desk.{user} - bulletin-publisher}: alice alone reads, any
 * publisher publishes). Only a name made of topic characters can own a topic.
 * The first rule a topic matches decides; a topic that matches none is public, as every topic was
 * before. Decided when a session subscribes or a request arrives, never per delivered frame.
 */
public final class TopicPolicy {

    public static final TopicPolicy NONE = new TopicPolicy(List.of());
    private static final String OWNER = "{user}";
    private static final String ANY = "[a-z0-9._-]*";

    private final List<Rule> rules;

    private TopicPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The policy the setting's value describes; blank for none. */
    public static TopicPolicy parse(String value) {
        List<Rule> rules = new ArrayList<>();
        for (String rule : value.split(";")) {
            String[] parts = rule.strip().split("\\s+");
            if (parts.length == 1 && parts[0].isEmpty()) {
                continue;
            }
            String text = parts[0];
            boolean owned = text.contains(OWNER);
            if (parts.length < 2 || parts.length > 3 || text.indexOf(OWNER) != text.lastIndexOf(OWNER)
                    || !text.replace(OWNER, "u").matches("[a-z0-9*][a-z0-9._*-]{0,63}")) {
                throw new IllegalArgumentException("Setting bulletin.topic-policy has a bad rule '" + rule.strip()
                        + "': a rule is 'pattern readers [publishers]', roles separated by commas");
            }
            Set<String> readers = roles(parts[1], owned);
            rules.add(new Rule(text, Pattern.compile(regex(text.replace(OWNER, "*"))), owned, readers,
                    parts.length == 3 ? roles(parts[2], owned) : readers));
        }
        return new TopicPolicy(rules);
    }

    /** Whether the user (null for an anonymous client), in these roles, may read the topic. */
    public boolean mayRead(String topic, String user, Predicate<String> inRole) {
        Rule rule = rule(topic);
        return rule == null || rule.owns(topic, user) || rule.readers().stream().anyMatch(inRole);
    }

    /** Whether a publisher, in these roles, may publish to the topic. */
    public boolean mayPublish(String topic, String user, Predicate<String> inRole) {
        Rule rule = rule(topic);
        return rule == null || rule.owns(topic, user) || rule.publishers().stream().anyMatch(inRole);
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

    /** A topic pattern as a regular expression: {@code *} is any run of topic characters. */
    private static String regex(String pattern) {
        return Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).reduce((a, b) -> a + ANY + b).orElseThrow();
    }

    /** The roles of a list; {@code -}, none, only where the topic's owner reads it. */
    private static Set<String> roles(String list, boolean owned) {
        if (owned && list.equals("-")) {
            return Set.of();
        }
        Set<String> roles = new TreeSet<>(Arrays.stream(list.split(",")).map(String::strip)
                .filter(role -> !role.isEmpty()).toList());
        if (roles.isEmpty() || roles.contains("-")) {
            throw new IllegalArgumentException("Setting bulletin.topic-policy names no role in '" + list
                    + "' (- stands for none only in a rule with {user})");
        }
        return roles;
    }

    @Override
    public String toString() {
        return rules.isEmpty() ? "none" : String.join("; ", rules.stream().map(Rule::toString).toList());
    }

    private record Rule(String text, Pattern pattern, boolean owned, Set<String> readers, Set<String> publishers) {

        /** Whether the topic, which this rule matches, is the user's own: their name where the pattern has {user}. */
        boolean owns(String topic, String user) {
            if (!owned || user == null || !user.matches("[a-z0-9._-]+")) {
                return false;
            }
            return topic.matches(regex(text.replace(OWNER, user)));
        }

        @Override
        public String toString() {
            return text + " " + list(readers) + " " + list(publishers);
        }

        private static String list(Set<String> roles) {
            return roles.isEmpty() ? "-" : String.join(",", roles);
        }
    }
}
