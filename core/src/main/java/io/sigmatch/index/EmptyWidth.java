package io.sigmatch.index;

/**
 * RE2's zero-width assertions as bits, and which of them hold at a position, given the char
 * before and the char after it ({@link #EDGE} at either end of the text). The definitions are
 * RE2/J's {@code Utils.emptyOpContext}: lines end only at {@code \n}, and word chars are
 * {@code [0-9A-Za-z_]}.
 */
final class EmptyWidth {
    static final int BEGIN_LINE = 1;
    static final int END_LINE = 2;
    static final int BEGIN_TEXT = 4;
    static final int END_TEXT = 8;
    static final int WORD_BOUNDARY = 16;
    static final int NO_WORD_BOUNDARY = 32;
    /** The assertions that the char before a position decides alone. */
    static final int LOOKBEHIND = BEGIN_LINE | BEGIN_TEXT;
    /** Stands for the missing char before the text or after it. */
    static final int EDGE = -1;

    static final AsciiSet WORD =
            AsciiSet.range('0', '9').union(AsciiSet.range('A', 'Z')).union(AsciiSet.range('a', 'z'))
                    .union(AsciiSet.of('_'));

    private EmptyWidth() {
    }

    /** The assertions that hold between {@code before} and {@code after}, chars or {@link #EDGE}. */
    static int between(int before, int after) {
        int holds = lookbehind(before);
        if (after == EDGE) {
            holds |= END_TEXT | END_LINE;
        } else if (after == '\n') {
            holds |= END_LINE;
        }
        holds |= WORD.contains(before) != WORD.contains(after) ? WORD_BOUNDARY : NO_WORD_BOUNDARY;
        return holds;
    }

    /** The {@link #LOOKBEHIND} assertions that hold after {@code before}. */
    static int lookbehind(int before) {
        if (before == EDGE) {
            return BEGIN_TEXT | BEGIN_LINE;
        }
        return before == '\n' ? BEGIN_LINE : 0;
    }
}
