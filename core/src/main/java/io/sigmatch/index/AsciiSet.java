package io.sigmatch.index;

/**
 * A set of ASCII chars (0x00–0x7F) as 128 bits: chars 0–63 in {@code low}, 64–127 in
 * {@code high}. Immutable; every operation is O(1).
 */
record AsciiSet(long low, long high) {
    static final AsciiSet EMPTY = new AsciiSet(0, 0);
    static final AsciiSet ALL = new AsciiSet(-1L, -1L);
    static final int SIZE = 128;

    /** Bits 1–26 of {@code high}: 'A'–'Z' sit at 65–90, 'a'–'z' 32 places higher at 97–122. */
    private static final long UPPER_IN_HIGH = 0x07FF_FFFEL;
    private static final int LOWER_SHIFT = 32;

    static AsciiSet of(int c) {
        return range(c, c);
    }

    /** The ASCII chars in {@code from..to}; chars above 0x7F are ignored. */
    static AsciiSet range(int from, int to) {
        long low = 0;
        long high = 0;
        for (int c = from; c <= Math.min(to, SIZE - 1); c++) {
            if (c < 64) {
                low |= 1L << c;
            } else {
                high |= 1L << (c - 64);
            }
        }
        return new AsciiSet(low, high);
    }

    static AsciiSet chars(String members) {
        AsciiSet set = EMPTY;
        for (int i = 0; i < members.length(); i++) {
            set = set.union(of(members.charAt(i)));
        }
        return set;
    }

    boolean contains(int c) {
        if (c < 0 || c >= SIZE) {
            return false;
        }
        return ((c < 64 ? low >>> c : high >>> (c - 64)) & 1) != 0;
    }

    boolean isEmpty() {
        return low == 0 && high == 0;
    }

    AsciiSet union(AsciiSet other) {
        return new AsciiSet(low | other.low, high | other.high);
    }

    AsciiSet complement() {
        return new AsciiSet(~low, ~high);
    }

    /** The set with the other case of each letter added: ASCII's share of a case fold. */
    AsciiSet caseFolded() {
        long lowerAsUpper = (high >>> LOWER_SHIFT) & UPPER_IN_HIGH;
        long upperAsLower = (high & UPPER_IN_HIGH) << LOWER_SHIFT;
        return new AsciiSet(low, high | lowerAsUpper | upperAsLower);
    }
}
