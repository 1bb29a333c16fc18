package dev.bulletin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicPolicyTest {

    private static final Predicate<String> NOBODY = role -> false;

    private static Predicate<String> in(String... roles) {
        return Set.of(roles)::contains;
    }

    @Test
    void aTopicThatNoRuleMatchesIsPublic() {
        TopicPolicy policy = TopicPolicy.parse("board.* board");
        assertTrue(policy.mayRead("world", null, NOBODY));
        assertTrue(policy.mayPublish("world", null, NOBODY));
        assertTrue(policy.mayRead("board", null, NOBODY), "board.* needs the dot");
        assertTrue(policy.mayRead("aboard.x", null, NOBODY), "a pattern matches the whole name");
    }

    @Test
    void theFirstMatchingRuleDecidesAndPublishersDefaultToReaders() {
        TopicPolicy policy = TopicPolicy.parse(" board.secret.* directors ; board.* board,auditor board-editor;"
                + "team-*-news team ");
        assertFalse(policy.mayRead("board.secret.x", null, in("board")));
        assertTrue(policy.mayRead("board.secret.x", null, in("directors")));
        assertTrue(policy.mayPublish("board.secret.x", null, in("directors")), "publishers default to the readers");
        assertTrue(policy.mayRead("board.minutes", null, in("auditor")));
        assertFalse(policy.mayPublish("board.minutes", null, in("board")));
        assertTrue(policy.mayPublish("board.minutes", null, in("board-editor")));
        assertFalse(policy.mayRead("board.minutes", null, NOBODY), "anonymous");
        assertFalse(policy.mayRead("team-a-news", null, NOBODY));
        assertTrue(policy.mayRead("team-a.b-news", null, in("team")));
        assertEquals(Set.of("directors", "board", "auditor", "board-editor", "team"), policy.roles());
    }

    @Test
    void aDotInAPatternIsADotNotAnyCharacter() {
        assertTrue(TopicPolicy.parse("a.b x").mayRead("axb", null, NOBODY));
        assertFalse(TopicPolicy.parse("a.b x").mayRead("a.b", null, NOBODY));
    }

    @Test
    void aBadRuleNamesTheSettingAndTheRule() {
        for (String bad : new String[] {"board.*", "board.* a b c", "Board.* a", "board.* ,"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicPolicy.parse(bad));
            assertTrue(e.getMessage().startsWith("Setting bulletin.topic-policy"), e.getMessage());
        }
        assertEquals(TopicPolicy.NONE.roles(), TopicPolicy.parse("  ;  ").roles());
    }

    @Test
    void aTopicWithAUsersNameInAUserPatternIsTheirs() {
        TopicPolicy policy = TopicPolicy.parse("desk.{user} support; inbox.{user}.* - bulletin-publisher");
        assertTrue(policy.mayRead("desk.alice", "alice", NOBODY), "her own");
        assertTrue(policy.mayPublish("desk.alice", "alice", NOBODY), "publishers default to the readers: her too");
        assertFalse(policy.mayRead("desk.alice", "bob", NOBODY), "not bob's");
        assertFalse(policy.mayRead("desk.alice", null, NOBODY), "nor an anonymous client's");
        assertTrue(policy.mayRead("desk.alice", "bob", in("support")), "the roles named besides the owner");
        assertFalse(policy.mayRead("desk.alice.x", "alice", NOBODY), "the pattern matches the whole name");

        assertTrue(policy.mayRead("inbox.alice.orders", "alice", NOBODY));
        assertFalse(policy.mayRead("inbox.alice.orders", "bob", in("support")), "- names no role: alice alone reads");
        assertTrue(policy.mayPublish("inbox.alice.orders", "orders-service", in("bulletin-publisher")));
        assertFalse(policy.mayRead("inbox.alice.orders", "ALICE", NOBODY), "a name that is no topic owns nothing");
        assertFalse(policy.mayRead("desk.anything", "*", NOBODY), "a name is not a pattern");
        assertEquals("desk.{user} support support; inbox.{user}.* - bulletin-publisher", policy.toString());
    }

    @Test
    void aUserPatternIsWrittenOnceAndDashIsOnlyForIt() {
        for (String bad : List.of("a.{user}.{user} r", "a.* -", "a.{user} r,-", "a.{usr} r")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicPolicy.parse(bad));
            assertTrue(e.getMessage().startsWith("Setting bulletin.topic-policy"), e.getMessage());
        }
    }
}
