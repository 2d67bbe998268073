package io.sigmatch.index;

import static io.sigmatch.index.Reports.setOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmatch.index.RandomStrings.Keyed;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.junit.jupiter.api.Test;

class NeedleAutomatonTest {

    /** A hit in a form that sorts and reads well in assertion messages. */
    private static String hit(int payload, int endExclusive) {
        return payload + "@" + endExclusive;
    }

    private static List<String> scanHits(NeedleAutomaton automaton, String text) {
        List<String> hits = new ArrayList<>();
        automaton.scan(text, (payload, end) -> hits.add(hit(payload, end)));
        hits.sort(null);
        return hits;
    }

    private static SortedSet<Integer> needles(NeedleAutomaton automaton, String text) {
        return Reports.set(out -> automaton.matchNeedles(text, out));
    }

    private static NeedleAutomaton build(List<Keyed> keyed, long maxDenseTableBytes) {
        NeedleAutomatonBuilder builder = new NeedleAutomatonBuilder().maxDenseTableBytes(maxDenseTableBytes);
        keyed.forEach(k -> builder.add(k.key(), k.payload()));
        return builder.build();
    }

    @Test
    void skipsAheadOnlyWhereTheNeedlesPairsLeaveRoomToSkip() {
        NeedleAutomatonBuilder keywords = new NeedleAutomatonBuilder();
        for (String k : List.of("sekurlsa::", "lsadump::", "privilege::debug", "kerberos::ptt", "mimidrv.sys")) {
            keywords.add(k, 1);
        }
        assertTrue(keywords.build().skipsAhead());
        // File hashes: every pair of hex digits ends some needle's window, so no window moves.
        NeedleAutomatonBuilder hashes = new NeedleAutomatonBuilder();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            StringBuilder hash = new StringBuilder("md5=");
            for (int c = 0; c < 32; c++) {
                hash.append("0123456789abcdef".charAt(random.nextInt(16)));
            }
            hashes.add(hash.toString(), i);
        }
        NeedleAutomaton automaton = hashes.build();
        assertFalse(automaton.skipsAhead());
        assertThrows(IllegalStateException.class, () -> automaton.mayOccurInUnfolded("md5=00"));
    }

    @Test
    void findsOverlappingNeedles() {
        NeedleAutomaton automaton = new NeedleAutomatonBuilder()
                .add("he", 1).add("she", 2).add("his", 3).add("hers", 4).build();
        assertEquals(setOf(1, 2, 4), needles(automaton, "ushers"));
        assertEquals(List.of(hit(1, 4), hit(2, 4), hit(4, 6)), scanHits(automaton, "ushers"));
        assertEquals(setOf(3), needles(automaton, "this"));
        assertEquals(setOf(), needles(automaton, "hi"));
    }

    @Test
    void reportsEveryOccurrenceWithItsEnd() {
        NeedleAutomaton automaton = new NeedleAutomatonBuilder().add("aa", 1).build();
        assertEquals(List.of(hit(1, 2), hit(1, 3), hit(1, 4)), scanHits(automaton, "aaaa"));
    }

    @Test
    void emptyNeedleMatchesEveryTextOnce() {
        NeedleAutomaton automaton = new NeedleAutomatonBuilder().add("", 7).add("x", 8).build();
        assertEquals(setOf(7), needles(automaton, ""));
        assertEquals(List.of(7), Reports.list(out -> automaton.matchNeedles("abc", out)));
        assertEquals(List.of(hit(7, 0), hit(8, 2)), scanHits(automaton, "ax"));
    }

    @Test
    void noNeedlesMatchNothing() {
        NeedleAutomaton automaton = new NeedleAutomatonBuilder().build();
        assertEquals(1, automaton.stateCount());
        assertEquals(setOf(), needles(automaton, "anything"));
    }

    @Test
    void needleEqualToTheWholeTextMatches() {
        NeedleAutomaton automaton = new NeedleAutomatonBuilder().add("whoami", 1).build();
        assertEquals(setOf(1), needles(automaton, "whoami"));
        assertEquals(setOf(), needles(automaton, "whoam"));
    }

    @Test
    void repeatedNeedleCarriesEachPayloadOncePerOccurrence() {
        NeedleAutomaton automaton = new NeedleAutomatonBuilder()
                .add("-enc", 1).add("-enc", 2).add("-enc", 1).build();
        assertEquals(List.of(hit(1, 12), hit(2, 12)), scanHits(automaton, "pwsh.exe-enc"));
    }

    @Test
    void nonAsciiAndSurrogatesCompareAsCodeUnits() {
        NeedleAutomaton automaton = new NeedleAutomatonBuilder()
                .add("é", 1).add("\uD83D\uDE00", 2).add("\uDE00", 3).add("ж\uD83D", 4).build();
        assertEquals(setOf(1), needles(automaton, "caf\u00e9s"));
        assertEquals(setOf(2, 3, 4), needles(automaton, "xж\uD83D\uDE00y"));
        assertEquals(setOf(), needles(automaton, "\uD83D\uDE01"));
        assertEquals(setOf(), needles(automaton, "e\u0301"));
    }

    @Test
    void failureTransitionsLeadOutOfDeadEnds() {
        NeedleAutomaton automaton = new NeedleAutomatonBuilder()
                .add("abcd", 1).add("bce", 2).add("c", 3).build();
        assertEquals(List.of(hit(2, 4), hit(3, 3)), scanHits(automaton, "abce"));
    }

    @Test
    void capOnTheDenseTableChangesNoResult() {
        List<Keyed> keyed = List.of(new Keyed("abcd", 1), new Keyed("bce", 2), new Keyed("c", 3),
                new Keyed("\uD83D\uDE00b", 4), new Keyed("b\uD83D", 5));
        String text = "xabcabcebcd\uD83D\uDE00b\uD83D\uDE00";
        List<String> expected = scanHits(build(keyed, NeedleAutomatonBuilder.DEFAULT_MAX_DENSE_TABLE_BYTES), text);
        for (long cap = 0; cap < 400; cap += 20) {
            assertEquals(expected, scanHits(build(keyed, cap), text), "cap " + cap);
        }
    }

    @Test
    void charsAtTheEdgesOfAsciiAreMatched() {
        // U+0000 and U+007F are the first and last chars of the ASCII table, U+0080 the first char
        // found by search among the non-ASCII ones.
        NeedleAutomaton automaton = new NeedleAutomatonBuilder()
                .add("\u0000", 1).add("\u007f", 2).add("\u0080", 3).add("a\u0080", 4).build();
        assertEquals(setOf(1), needles(automaton, "x\u0000y"));
        assertEquals(setOf(2), needles(automaton, "\u007f"));
        assertEquals(setOf(3, 4), needles(automaton, "za\u0080"));
        assertEquals(setOf(), needles(automaton, "\u0081\u00ff"));
    }

    @Test
    void nonAsciiCharInNoNeedleLeadsBackToTheRoot() {
        NeedleAutomaton automaton = new NeedleAutomatonBuilder().add("ab", 1).build();
        assertEquals(setOf(), needles(automaton, "a\u0080b"));
        assertEquals(setOf(1), needles(automaton, "\u0080ab\u0080"));
    }

    private static long ints(int length) {
        return HeapSize.OBJECT_HEADER + 4L * length;
    }

    private static long chars(int length) {
        return HeapSize.OBJECT_HEADER + 2L * length;
    }

    /**
     * The estimate counts every array of the layout the class comments describe. Needles "ab", "b"
     * and "é" give 5 states (the root, "a", "b", "é", "ab"), 4 edges, 3 payloads and 4 char classes
     * (absent, a, b, é).
     */
    @Test
    void approximateBytesCountsEveryArrayOfTheLayout() {
        long trie = HeapSize.OBJECT_HEADER + ints(5 + 1) + chars(4) + ints(5 + 1) + ints(3);
        long classes = HeapSize.OBJECT_HEADER + ints(128) + chars(1);
        long reportingLinks = 2 * ints(5);
        long automatonHeader = HeapSize.OBJECT_HEADER;

        NeedleAutomaton dense = new NeedleAutomatonBuilder().add("ab", 1).add("b", 2).add("é", 3).build();
        // Every state has a row of 4 classes; no state has a sparse failure link.
        assertEquals(automatonHeader + trie + classes + ints(5 * 4) + ints(0) + reportingLinks,
                dense.approximateBytes());

        NeedleAutomaton capped = new NeedleAutomatonBuilder().maxDenseTableBytes(0)
                .add("ab", 1).add("b", 2).add("é", 3).build();
        // Only the root keeps a row; the other 4 states keep a failure link instead.
        assertEquals(automatonHeader + trie + classes + ints(4) + ints(4) + reportingLinks,
                capped.approximateBytes());
    }

    @Test
    void rejectsNegativePayloadsAndCaps() {
        NeedleAutomatonBuilder builder = new NeedleAutomatonBuilder();
        assertThrows(IllegalArgumentException.class, () -> builder.add("a", -1));
        assertThrows(IllegalArgumentException.class, () -> builder.maxDenseTableBytes(-1));
        assertThrows(NullPointerException.class, () -> builder.add(null, 1));
    }

    @Test
    void agreesWithIndexOfAndWithOrgAhocorasickOnRandomNeedles() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            List<Keyed> keyed = RandomStrings.keyedStrings(random, 12, 5);
            long cap = switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> random.nextInt(2000);
                default -> NeedleAutomatonBuilder.DEFAULT_MAX_DENSE_TABLE_BYTES;
            };
            NeedleAutomaton automaton = build(keyed, cap);
            List<Keyed> distinct = new ArrayList<>(new LinkedHashSet<>(keyed));
            Map<String, List<Integer>> payloadsByNeedle = new HashMap<>();
            distinct.forEach(k -> payloadsByNeedle.computeIfAbsent(k.key(), x -> new ArrayList<>()).add(k.payload()));
            Trie library = Trie.builder().addKeywords(payloadsByNeedle.keySet()).build();
            for (int t = 0; t < 20; t++) {
                String text = RandomStrings.valueAround(random, RandomStrings.keys(keyed), 12);
                String context = "seed " + seed + ", cap " + cap + ", needles " + keyed + ", text '" + text + "'";

                SortedSet<Integer> containing = new TreeSet<>();
                List<String> occurrences = new ArrayList<>();
                for (Keyed k : distinct) {
                    if (text.contains(k.key())) {
                        containing.add(k.payload());
                    }
                    if (k.key().isEmpty()) {
                        occurrences.add(hit(k.payload(), 0));
                    } else {
                        for (int at = text.indexOf(k.key()); at >= 0; at = text.indexOf(k.key(), at + 1)) {
                            occurrences.add(hit(k.payload(), at + k.key().length()));
                        }
                    }
                }
                occurrences.sort(null);
                assertEquals(containing, needles(automaton, text), context);
                List<String> scanned = scanHits(automaton, text);
                assertEquals(occurrences, scanned, context);

                SortedSet<String> libraryHits = new TreeSet<>();
                for (Emit emit : library.parseText(text)) {
                    for (int payload : payloadsByNeedle.get(emit.getKeyword())) {
                        libraryHits.add(hit(payload, emit.getEnd() + 1));
                    }
                }
                // The library ignores empty needles, whose hits, and only theirs, end at 0.
                SortedSet<String> nonEmptyHits = new TreeSet<>();
                scanned.stream().filter(h -> !h.endsWith("@0")).forEach(nonEmptyHits::add);
                assertEquals(libraryHits, nonEmptyHits, context);
            }
        }
    }

    @Test
    void twentyThousandNeedlesStayWellUnder64MiB() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 \\/.-_:=\"'%$";
        String rare = "éèàüöäßçñøжщыйπλ中文件\uD83D\uDE00";
        Random random = new Random(20_000);
        List<String> needles = new ArrayList<>();
        BitSet chars = new BitSet();
        NeedleAutomatonBuilder builder = new NeedleAutomatonBuilder();
        for (int payload = 0; payload < 20_000; payload++) {
            StringBuilder needle = new StringBuilder();
            for (int length = 10 + random.nextInt(21); needle.length() < length; ) {
                String pool = random.nextInt(100) == 0 ? rare : alphabet;
                needle.append(pool.charAt(random.nextInt(pool.length())));
            }
            needle.chars().forEach(chars::set);
            needles.add(needle.toString());
            builder.add(needle.toString(), payload);
        }
        long start = System.nanoTime();
        NeedleAutomaton automaton = builder.build();
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        long fullyDenseTableBytes = 4L * automaton.stateCount() * (chars.cardinality() + 1);
        System.out.printf("20,000 needles, %d chars in total, %d distinct: %d states, %,d bytes, built in %d ms;"
                        + " a fully dense table alone would take %,d bytes%n",
                needles.stream().mapToInt(String::length).sum(), chars.cardinality(), automaton.stateCount(),
                automaton.approximateBytes(), buildMillis, fullyDenseTableBytes);
        assertTrue(automaton.approximateBytes() < 64L << 20, "bytes: " + automaton.approximateBytes());

        for (int t = 0; t < 5; t++) {
            String text = RandomStrings.next(random, 50) + needles.get(random.nextInt(needles.size()))
                    + needles.get(random.nextInt(needles.size())).substring(3) + RandomStrings.next(random, 50);
            SortedSet<Integer> expected = new TreeSet<>();
            for (int payload = 0; payload < needles.size(); payload++) {
                if (text.contains(needles.get(payload))) {
                    expected.add(payload);
                }
            }
            assertEquals(expected, needles(automaton, text), "text '" + text + "'");
        }
    }
}
