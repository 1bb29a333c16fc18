package dev.bulletin;

import org.junit.jupiter.api.Test;

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
        assertTrue(policy.mayRead("world", NOBODY));
        assertTrue(policy.mayPublish("world", NOBODY));
        assertTrue(policy.mayRead("board", NOBODY), "board.* needs the dot");
        assertTrue(policy.mayRead("aboard.x", NOBODY), "a pattern matches the whole name");
    }

    @Test
    void theFirstMatchingRuleDecidesAndPublishersDefaultToReaders() {
        TopicPolicy policy = TopicPolicy.parse(" board.secret.* directors ; board.* board,auditor board-editor;"
                + "team-*-news team ");
        assertFalse(policy.mayRead("board.secret.x", in("board")));
        assertTrue(policy.mayRead("board.secret.x", in("directors")));
        assertTrue(policy.mayPublish("board.secret.x", in("directors")), "publishers default to the readers");
        assertTrue(policy.mayRead("board.minutes", in("auditor")));
        assertFalse(policy.mayPublish("board.minutes", in("board")));
        assertTrue(policy.mayPublish("board.minutes", in("board-editor")));
        assertFalse(policy.mayRead("board.minutes", NOBODY), "anonymous");
        assertFalse(policy.mayRead("team-a-news", NOBODY));
        assertTrue(policy.mayRead("team-a.b-news", in("team")));
        assertEquals(Set.of("directors", "board", "auditor", "board-editor", "team"), policy.roles());
    }

    @Test
    void aDotInAPatternIsADotNotAnyCharacter() {
        assertTrue(TopicPolicy.parse("a.b x").mayRead("axb", NOBODY));
        assertFalse(TopicPolicy.parse("a.b x").mayRead("a.b", NOBODY));
    }

    @Test
    void aBadRuleNamesTheSettingAndTheRule() {
        for (String bad : new String[] {"board.*", "board.* a b c", "Board.* a", "board.* ,"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicPolicy.parse(bad));
            assertTrue(e.getMessage().startsWith("Setting bulletin.topic-policy"), e.getMessage());
        }
        assertEquals(TopicPolicy.NONE.roles(), TopicPolicy.parse("  ;  ").roles());
    }
}
