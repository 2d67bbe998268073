package io.sigmatch.index;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Maps chars to the column numbers of {@link NeedleAutomaton}'s transition table: each char that
 * occurs in some needle gets its own class {@code 1..count()-1}, every other char shares
 * {@link #ABSENT}. ASCII chars, by far the most frequent in log values, are looked up in a
 * 128-entry table; the others by binary search among the needles' non-ASCII chars, which takes
 * 2 bytes per such char where a table over all 65,536 chars would take 128 KiB per automaton.
 *
 * <p>Time: {@link #classOf} is O(1) for ASCII chars and O(log m) for others, m ≤ 65,408 being
 * the number of distinct non-ASCII needle chars.
 */
final class CharClasses {
    private static final int ABSENT = 0;
    private static final int ASCII_LIMIT = 128;

    private final int[] asciiClasses;
    /** Sorted; the char at index i has class {@code firstNonAsciiClass + i}. */
    private final char[] nonAsciiChars;
    private final int firstNonAsciiClass;

    private CharClasses(int[] asciiClasses, char[] nonAsciiChars, int firstNonAsciiClass) {
        this.asciiClasses = asciiClasses;
        this.nonAsciiChars = nonAsciiChars;
        this.firstNonAsciiClass = firstNonAsciiClass;
    }

    /** Gives a class to each char on an edge of {@code trie}, in O(edges + 65,536 / 64). */
    static CharClasses of(DenseTrie trie) {
        BitSet used = new BitSet(Character.MAX_VALUE + 1);
        for (int edge = 0, edges = trie.nodeCount() - 1; edge < edges; edge++) {
            used.set(trie.edgeChar(edge));
        }
        int[] asciiClasses = new int[ASCII_LIMIT];
        int nextClass = ABSENT + 1;
        for (int c = used.nextSetBit(0); c >= 0 && c < ASCII_LIMIT; c = used.nextSetBit(c + 1)) {
            asciiClasses[c] = nextClass++;
        }
        char[] nonAsciiChars = new char[used.cardinality() - (nextClass - 1)];
        int index = 0;
        for (int c = used.nextSetBit(ASCII_LIMIT); c >= 0; c = used.nextSetBit(c + 1)) {
            nonAsciiChars[index++] = (char) c;
        }
        return new CharClasses(asciiClasses, nonAsciiChars, nextClass);
    }

    /** The number of classes, {@link #ABSENT} included: the width of a transition-table row. */
    /** The class of each ASCII char, indexed by the char; for a caller's hot loop. */
    int[] asciiTable() {
        return asciiClasses;
    }

    int count() {
        return firstNonAsciiClass + nonAsciiChars.length;
    }

    int classOf(char c) {
        if (c < ASCII_LIMIT) {
            return asciiClasses[c];
        }
        int index = Arrays.binarySearch(nonAsciiChars, c);
        return index >= 0 ? firstNonAsciiClass + index : ABSENT;
    }

    long approximateBytes() {
        return HeapSize.OBJECT_HEADER + HeapSize.of(asciiClasses) + HeapSize.of(nonAsciiChars);
    }
}
