package io.sigmatch.index;

import com.google.re2j.Pattern;

/**
 * A deterministic automaton that answers whether an RE2 regex matches anywhere in an ASCII text,
 * as {@code Pattern.compile(regex, flags).matcher(text).find()} does, at one table lookup per
 * char. RE2/J simulates an NFA (about 100 ns per char) and wraps each input; this reads each char
 * once and allocates nothing. Texts with a char above 0x7F are left to RE2/J.
 *
 * <pre>{@code
 * RegexDfa dfa = RegexDfa.compile("\\s-[ec]\\s+[A-Za-z0-9+/=]{20,}", 0);
 * if (dfa != null) {
 *     int found = dfa.find(commandLine);   // 1, 0, or -1: ask RE2/J
 * }
 * }</pre>
 *
 * <p>Syntax. RE2's, with its ASCII meanings, under the flags {@code CASE_INSENSITIVE},
 * {@code DOTALL} and {@code MULTILINE}: literals and escapes ({@code \.}, {@code \t}, {@code \x41},
 * {@code \x{41}}, {@code \101}, {@code \Q...\E}); {@code .}; {@code \d \D \s \S \w \W}; bracket
 * classes with ranges, negation, those escapes and POSIX names ({@code [[:alpha:]]}); groups
 * {@code (...)}, {@code (?:...)}, {@code (?P<name>...)}, {@code (?<name>...)}; flag groups
 * {@code (?i)}, {@code (?s:...)}, {@code (?-m)} and the like; {@code |}; greedy and lazy
 * {@code * + ? {n} {n,} {n,m}}; anchors {@code ^ $ \A \z} (without {@code MULTILINE}, {@code $}
 * matches only at the very end, as in RE2) and word boundaries {@code \b \B}. Not accepted:
 * Unicode classes ({@code \p{..}}), other flags, nesting deeper than 100 groups, a quantifier
 * right after a flag group, case folding switched on or off anywhere but a leading {@code (?i)} or
 * {@code (?-i)} (RE2/J 1.8 then merges alternatives wrongly, {@code Ab?|(?i:a)} never finding
 * "a", and the engine must agree with the reference, which runs RE2/J), and regexes whose automaton would exceed
 * {@value RegexDfaBuilder#MAX_STATES} states.
 *
 * <p>Time: {@link #find} is O(n) for a text of n chars, one transition per char; it stops at the
 * first char where the answer is known: a match has been seen, or, for a regex anchored at the
 * start, no match can begin any more. A regex anchored at the end only ({@code \\[^\\]{1,256}$})
 * is searched backward, as its {@link RegexReversal reversal} anchored at the start: it reads the
 * text's tail, not all of it, and needs far fewer states than the forward search.
 * {@link #compile} is O(states × classes × NFA nodes), bounded.
 * Memory: 4 bytes per state and char class (chars that the regex never tells apart share a
 * class), plus a 128-byte class table: a few KiB for typical rule regexes, 1 MiB at most.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegexDfa {
    private static final int SUPPORTED_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.MULTILINE;
    private static final int ASCII = 128;
    /** The row of the absorbing state entered once a match has been seen. */
    private static final int MATCH_ROW = 0;

    /** The class of each ASCII char. */
    private final byte[] classes;
    /** Per state and class, the row offset (state × class count) of the next state. */
    private final int[] transitions;
    private final int startRow;
    /** The row of the dead state; match and dead, the states that end a search, are the lowest. */
    private final int deadRow;
    /** States from this row on accept at the end of the text, those below do not. */
    private final int acceptingRow;
    /** Whether this is the automaton of the regex's {@link RegexReversal reversal}, run from the end. */
    private final boolean backward;

    RegexDfa(byte[] classes, int classCount, int[] transitions, int startRow, int acceptingRow,
            boolean backward) {
        this.classes = classes;
        this.transitions = transitions;
        this.startRow = startRow;
        this.deadRow = classCount;
        this.acceptingRow = acceptingRow;
        this.backward = backward;
    }

    /**
     * The automaton of {@code regex} under RE2/J {@code flags}, or null when RE2/J rejects the
     * regex or would take too long to compile it, it uses syntax or flags not listed above, or its
     * automaton would be too large. Never throws.
     */
    public static RegexDfa compile(String regex, int flags) {
        RegexNode tree = tree(regex, flags);
        if (tree == null) {
            return null;
        }
        RegexNode reversed = RegexReversal.of(tree);
        if (!RegexReversal.anchoredAtStart(tree) && RegexReversal.anchoredAtStart(reversed)) {
            RegexDfa backward = RegexDfaBuilder.build(reversed, true);
            if (backward != null) {
                return backward;
            }
        }
        return RegexDfaBuilder.build(tree, false);
    }

    /**
     * As {@link #compile}, but always the automaton of the reversed regex, reading texts from
     * their end: for tests, which hold it to RE2/J's answers on regexes of every shape.
     */
    static RegexDfa compileBackward(String regex, int flags) {
        RegexNode tree = tree(regex, flags);
        return tree == null ? null : RegexDfaBuilder.build(RegexReversal.of(tree), true);
    }

    /** The regex's tree, or null when it is not one {@link #compile} takes. */
    private static RegexNode tree(String regex, int flags) {
        if (regex == null || (flags & ~SUPPORTED_FLAGS) != 0) {
            return null;
        }
        // RE2/J never finishes some regexes (a folded range over U+1C80, nested counts): the
        // loader rejects them, and so must this public entry before asking RE2/J.
        if (CaseFoldedRanges.firstStranded(regex, (flags & Pattern.CASE_INSENSITIVE) != 0) >= 0
                || RepetitionSize.estimate(regex) > RepetitionSize.LIMIT || !re2Accepts(regex, flags)) {
            return null;
        }
        return RegexSyntax.parse(regex, (flags & Pattern.CASE_INSENSITIVE) != 0,
                (flags & Pattern.DOTALL) != 0, (flags & Pattern.MULTILINE) != 0);
    }

    /** Whether RE2/J compiles the regex: the parser here assumes a valid one. */
    private static boolean re2Accepts(String regex, int flags) {
        try {
            Pattern.compile(regex, flags);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the regex matches somewhere in {@code text}: 1 if it does, 0 if not, and -1 when a
     * char above 0x7F is read before the answer is known, in which case the caller asks RE2/J. (A
     * match seen before such a char is a match of the whole text, so it still answers 1.) Chars
     * are read from the first, or from the last when {@link #readsBackward}.
     */
    public int find(CharSequence text) {
        int row = startRow;
        if (row <= deadRow) {
            return row == MATCH_ROW ? 1 : 0;
        }
        // Backward, the states are those of the reversed regex, so "the end of the text" is its
        // start: the same loop, from the other end.
        int n = text.length();
        int step = backward ? -1 : 1;
        for (int i = backward ? n - 1 : 0, end = backward ? -1 : n; i != end; i += step) {
            char c = text.charAt(i);
            if (c >= ASCII) {
                return -1;
            }
            row = transitions[row + classes[c]];
            if (row <= deadRow) {
                return row == MATCH_ROW ? 1 : 0;
            }
        }
        return row >= acceptingRow ? 1 : 0;
    }

    /** Whether the automaton reads texts from their end: that of a regex anchored at the end only. */
    boolean readsBackward() {
        return backward;
    }

    /** The number of states, the match and dead states included. */
    int stateCount() {
        return transitions.length / deadRow;
    }

    /** The number of char classes: the width of a row. */
    int classCount() {
        return deadRow;
    }

    long approximateBytes() {
        return HeapSize.OBJECT_HEADER + HeapSize.of(classes) + HeapSize.of(transitions);
    }
}
