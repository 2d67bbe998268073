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

class SuffixTrieTest {

    private static SortedSet<Integer> suffixes(SuffixTrie trie, String value) {
        return Reports.set(out -> trie.matchSuffixes(value, out));
    }

    @Test
    void emptyKeyIsASuffixOfEveryValue() {
        SuffixTrie trie = new SuffixTrieBuilder().add("", 1).add("x", 2).build();
        assertEquals(setOf(1), suffixes(trie, ""));
        assertEquals(setOf(1, 2), suffixes(trie, "zyx"));
        assertEquals(setOf(1), suffixes(trie, "xy"));
    }

    @Test
    void keyEqualToTheWholeValueMatches() {
        SuffixTrie trie = new SuffixTrieBuilder().add("\\cmd.exe", 1).build();
        assertEquals(setOf(1), suffixes(trie, "\\cmd.exe"));
        assertEquals(setOf(1), suffixes(trie, "c:\\windows\\system32\\cmd.exe"));
    }

    @Test
    void valueShorterThanTheKeysMatchesNothing() {
        SuffixTrie trie = new SuffixTrieBuilder().add("cmd.exe", 1).add("pwsh.exe", 2).build();
        assertEquals(setOf(), suffixes(trie, ".exe"));
        assertEquals(setOf(), suffixes(trie, ""));
    }

    @Test
    void everyKeyOnThePathIsReported() {
        SuffixTrie trie = new SuffixTrieBuilder().add("e", 1).add("exe", 2).add(".exe", 3).add("x", 4).build();
        assertEquals(setOf(1, 2, 3), suffixes(trie, "cmd.exe"));
        assertEquals(setOf(1, 2), suffixes(trie, "cmdexe"));
    }

    @Test
    void repeatedKeyCarriesEachPayloadOnce() {
        SuffixTrie trie = new SuffixTrieBuilder().add(".exe", 1).add(".exe", 2).add(".exe", 1).build();
        assertEquals(List.of(1, 2), Reports.list(out -> trie.matchSuffixes("cmd.exe", out)));
    }

    @Test
    void nonAsciiAndSurrogatesCompareAsCodeUnits() {
        SuffixTrie trie = new SuffixTrieBuilder()
                .add("é", 1).add("\uD83D\uDE00", 2).add("\uDE00", 3).add("\uD83D", 4).build();
        assertEquals(setOf(1), suffixes(trie, "été"));
        // Reversing by code points (StringBuilder.reverse) would lose the lone low surrogate's match.
        assertEquals(setOf(2, 3), suffixes(trie, "!\uD83D\uDE00"));
        assertEquals(setOf(), suffixes(trie, "\uD83D\uDE01"));
        assertEquals(setOf(4), suffixes(trie, "x\uD83D"));
    }

    @Test
    void builtTrieIsUnaffectedByLaterAdds() {
        SuffixTrieBuilder builder = new SuffixTrieBuilder().add("c", 1);
        SuffixTrie first = builder.build();
        SuffixTrie second = builder.add("bc", 2).build();
        assertEquals(setOf(1), suffixes(first, "abc"));
        assertEquals(setOf(1, 2), suffixes(second, "abc"));
    }

    @Test
    void rejectsNegativePayloadsAndNullKeys() {
        SuffixTrieBuilder builder = new SuffixTrieBuilder();
        assertThrows(IllegalArgumentException.class, () -> builder.add("a", -1));
        assertThrows(NullPointerException.class, () -> builder.add(null, 1));
    }

    @Test
    void agreesWithEndsWithOnRandomKeys() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            List<Keyed> keyed = RandomStrings.keyedStrings(random, 12, 5);
            SuffixTrieBuilder builder = new SuffixTrieBuilder();
            keyed.forEach(k -> builder.add(k.key(), k.payload()));
            SuffixTrie trie = builder.build();
            for (int v = 0; v < 20; v++) {
                String value = RandomStrings.valueAround(random, RandomStrings.keys(keyed), 8);
                SortedSet<Integer> expected = new TreeSet<>();
                for (Keyed k : keyed) {
                    if (value.endsWith(k.key())) {
                        expected.add(k.payload());
                    }
                }
                assertEquals(expected, suffixes(trie, value),
                        "seed " + seed + ", keys " + keyed + ", value '" + value + "'");
            }
        }
    }
}
