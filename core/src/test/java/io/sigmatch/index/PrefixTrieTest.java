package io.sigmatch.index;

import static io.sigmatch.index.Reports.setOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmatch.index.RandomStrings.Keyed;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PrefixTrieTest {

    private static SortedSet<Integer> prefixes(PrefixTrie trie, String value) {
        return Reports.set(out -> trie.matchPrefixes(value, out));
    }

    @Test
    void emptyKeyIsAPrefixOfEveryValue() {
        PrefixTrie trie = new PrefixTrieBuilder().add("", 1).add("x", 2).build();
        assertEquals(setOf(1), prefixes(trie, ""));
        assertEquals(setOf(1, 2), prefixes(trie, "xyz"));
        assertEquals(setOf(1), prefixes(trie, "yx"));
    }

    @Test
    void keyEqualToTheWholeValueMatches() {
        PrefixTrie trie = new PrefixTrieBuilder().add("c:\\windows\\", 1).build();
        assertEquals(setOf(1), prefixes(trie, "c:\\windows\\"));
        assertEquals(setOf(1), prefixes(trie, "c:\\windows\\system32\\cmd.exe"));
    }

    @Test
    void valueShorterThanTheKeysMatchesNothing() {
        PrefixTrie trie = new PrefixTrieBuilder().add("abc", 1).add("abd", 2).build();
        assertEquals(setOf(), prefixes(trie, "ab"));
        assertEquals(setOf(), prefixes(trie, ""));
    }

    @Test
    void everyKeyOnThePathIsReported() {
        PrefixTrie trie = new PrefixTrieBuilder().add("a", 1).add("ab", 2).add("abc", 3).add("b", 4).build();
        assertEquals(setOf(1, 2, 3), prefixes(trie, "abcd"));
        assertEquals(setOf(1, 2), prefixes(trie, "abd"));
    }

    @Test
    void repeatedKeyCarriesEachPayloadOnce() {
        PrefixTrie trie = new PrefixTrieBuilder().add("cmd", 1).add("cmd", 2).add("cmd", 1).build();
        assertEquals(List.of(1, 2), Reports.list(out -> trie.matchPrefixes("cmd.exe", out)));
    }

    @Test
    void nonAsciiAndSurrogatesCompareAsCodeUnits() {
        PrefixTrie trie = new PrefixTrieBuilder()
                .add("é", 1).add("\uD83D\uDE00", 2).add("\uD83D", 3).add("\uDE00", 4).build();
        assertEquals(setOf(1), prefixes(trie, "été"));
        assertEquals(setOf(2, 3), prefixes(trie, "\uD83D\uDE00!"));
        assertEquals(setOf(3), prefixes(trie, "\uD83D\uDE01"));
        assertEquals(setOf(4), prefixes(trie, "\uDE00"));
    }

    @Test
    void builtTrieIsUnaffectedByLaterAdds() {
        PrefixTrieBuilder builder = new PrefixTrieBuilder().add("a", 1);
        PrefixTrie first = builder.build();
        PrefixTrie second = builder.add("ab", 2).build();
        assertEquals(setOf(1), prefixes(first, "abc"));
        assertEquals(setOf(1, 2), prefixes(second, "abc"));
    }

    @Test
    void rejectsNegativePayloadsAndNullKeys() {
        PrefixTrieBuilder builder = new PrefixTrieBuilder();
        assertThrows(IllegalArgumentException.class, () -> builder.add("a", -1));
        assertThrows(NullPointerException.class, () -> builder.add(null, 1));
    }

    @Test
    void agreesWithStartsWithOnRandomKeys() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            List<Keyed> keyed = RandomStrings.keyedStrings(random, 12, 5);
            PrefixTrieBuilder builder = new PrefixTrieBuilder();
            keyed.forEach(k -> builder.add(k.key(), k.payload()));
            PrefixTrie trie = builder.build();
            for (int v = 0; v < 20; v++) {
                String value = RandomStrings.valueAround(random, RandomStrings.keys(keyed), 8);
                SortedSet<Integer> expected = new TreeSet<>();
                for (Keyed k : keyed) {
                    if (value.startsWith(k.key())) {
                        expected.add(k.payload());
                    }
                }
                assertEquals(expected, prefixes(trie, value),
                        "seed " + seed + ", keys " + keyed + ", value '" + value + "'");
            }
        }
    }
}
