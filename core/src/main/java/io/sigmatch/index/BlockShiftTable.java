package io.sigmatch.index;

import io.sigmatch.value.CaseFold;
import java.util.Arrays;
import java.util.List;

/**
 * A skip-ahead prefilter for a set of needles that are all at least {@value #MIN_WINDOW} chars
 * long: the block-shift table of Wu and Manber ("A fast algorithm for multi-pattern searching",
 * 1994), with blocks of two chars.
 *
 * <p>Slide a window of m chars (m, the shortest needle's length) along the text. Every needle
 * occurrence starts a window whose first m chars are the needle's first m. Read the window's last
 * two chars: if that pair occurs in no needle's first m chars, no needle can start in the next
 * m − 1 windows; if it occurs only early in them, the table says how far the window may move
 * safely. Only when the shift is 0, and the window's first two chars start some needle, can a
 * needle start there, and the caller falls back to the automaton at that window. Pairs are hashed
 * on their low 7 bits, so each table has 16 K entries; a collision can only shorten a shift or
 * admit a window, never skip a needle.
 *
 * <p>Worth it where needles are long and their pairs rare in the text, as with keyword lists
 * (the mimikatz rule: shortest needle 9 chars, so most windows move 8 chars for one table load
 * instead of 8 automaton steps). Time: each probe costs O(1) and moves the window by at least one
 * char or stops, so O(n) for a text of n chars.
 */
final class BlockShiftTable {
    /** Below this, a shift of at most m − 2 chars does not pay for the probe. */
    static final int MIN_WINDOW = 4;

    private static final int BITS = 7;
    private static final int MASK = (1 << BITS) - 1;
    /** Shifts are bytes; longer windows are cut to this, which only shortens shifts. */
    private static final int MAX_WINDOW = 127;

    private static final byte[] ASCII_LOWER = new byte[0x80];

    static {
        for (int c = 0; c < 0x80; c++) {
            ASCII_LOWER[c] = (byte) CaseFold.foldAscii((char) c);
        }
    }

    private final byte[] shifts;
    /**
     * The pairs needles start with: a window whose last pair allows no shift is a candidate only
     * if its first pair is one of them. Common pairs end some needle's first m chars ("ge" in
     * "privilege"); few values also start a needle there.
     */
    private final boolean[] starts;
    /** The window length m. */
    final int window;

    private BlockShiftTable(byte[] shifts, boolean[] starts, int window) {
        this.shifts = shifts;
        this.starts = starts;
        this.window = window;
    }

    /**
     * The table for these needles, or null when the shortest is under {@value #MIN_WINDOW} chars
     * or when it would not skip: more than half of the pairs in the needles' windows end one.
     */
    static BlockShiftTable of(List<String> needles) {
        if (needles.isEmpty()) {
            return null;
        }
        int window = MAX_WINDOW;
        for (String needle : needles) {
            window = Math.min(window, needle.length());
        }
        if (window < MIN_WINDOW) {
            return null;
        }
        byte[] shifts = new byte[1 << (2 * BITS)];
        boolean[] starts = new boolean[1 << (2 * BITS)];
        boolean[] inWindows = new boolean[1 << (2 * BITS)];
        Arrays.fill(shifts, (byte) (window - 1));
        for (String needle : needles) {
            starts[slot(needle.charAt(0), needle.charAt(1))] = true;
            for (int end = 1; end < window; end++) {
                int slot = slot(needle.charAt(end - 1), needle.charAt(end));
                shifts[slot] = (byte) Math.min(shifts[slot], window - 1 - end);
                inWindows[slot] = true;
            }
        }
        int pairs = 0;
        int stopping = 0;
        for (int slot = 0; slot < inWindows.length; slot++) {
            pairs += inWindows[slot] ? 1 : 0;
            stopping += inWindows[slot] && shifts[slot] == 0 ? 1 : 0;
        }
        // Where most of the needles' own pairs allow no shift (5,701 file hashes: every pair of
        // hex digits ends some needle's window), text like theirs moves a char a probe, two table
        // loads a char where the automaton alone takes one step, and rules out no value.
        return 2 * stopping > pairs ? null : new BlockShiftTable(shifts, starts, window);
    }

    private static int slot(char first, char second) {
        return ((first & MASK) << BITS) | (second & MASK);
    }

    /**
     * The first window at or after the one starting at {@code start} in which a needle may start,
     * or a value past {@code length − window} when there is none.
     */
    int nextCandidate(char[] text, int start, int length) {
        int end = start + window - 1;
        while (end < length) {
            int shift = shifts[slot(text[end - 1], text[end])];
            if (shift == 0) {
                int first = end - window + 1;
                if (starts[slot(text[first], text[first + 1])]) {
                    return first;
                }
                shift = 1;
            }
            end += shift;
        }
        return length;
    }

    /**
     * Whether a needle may start somewhere in {@code text}, read unfolded: ASCII letters are
     * lower-cased on the fly, and a probe meeting any other char above ASCII answers yes, since
     * its folded form is not known here. Never says no where the scan of the folded text would
     * find a window that can hold a needle, so a no lets the caller skip folding altogether.
     * O(n), reading one pair of chars per probe.
     */
    boolean mayStartIn(CharSequence text) {
        int length = text.length();
        int end = window - 1;
        while (end < length) {
            char first = text.charAt(end - 1);
            char second = text.charAt(end);
            if ((first | second) >= 0x80) {
                return true;
            }
            int shift = shifts[(ASCII_LOWER[first] << BITS) | ASCII_LOWER[second]];
            if (shift == 0) {
                char head = text.charAt(end - window + 1);
                char next = text.charAt(end - window + 2);
                if ((head | next) >= 0x80 || starts[(ASCII_LOWER[head] << BITS) | ASCII_LOWER[next]]) {
                    return true;
                }
                shift = 1;
            }
            end += shift;
        }
        return false;
    }

    long approximateBytes() {
        return HeapSize.OBJECT_HEADER + HeapSize.of(shifts) + HeapSize.OBJECT_HEADER + starts.length;
    }
}
