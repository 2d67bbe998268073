package io.sigmatch.index;

import java.util.function.IntConsumer;

/**
 * Answers "which keys does this value end with" ({@code endswith}) by walking a trie of reversed
 * keys from the value's last char backwards. Immutable and thread-safe; matching allocates nothing.
 *
 * <p>Time: {@link #matchSuffixes} is O(min(n, h) · log σ + r) for a value of n chars, a longest
 * key of h chars, at most σ distinct chars preceding any one suffix (log σ ≤ 16) and r reports.
 */
public final class SuffixTrie {
    private final DenseTrie reversedKeys;

    SuffixTrie(DenseTrie reversedKeys) {
        this.reversedKeys = reversedKeys;
    }

    /**
     * Reports the payloads of every key that is a suffix of {@code value}; the empty key is a
     * suffix of every value. A payload is reported once for each of its keys that matches.
     */
    public void matchSuffixes(CharSequence value, IntConsumer out) {
        reversedKeys.walk(value, true, out);
    }

    /**
     * For a trie of case-folded keys: reports the keys that are suffixes of the case fold of
     * {@code value}, folding only the chars it reads from the end; false when it meets a char
     * above 0x7F, after which the caller passes the folded value to {@link #matchSuffixes}.
     */
    public boolean matchSuffixesFoldingAscii(String value, IntConsumer out) {
        return reversedKeys.walkFoldingAscii(value, true, out);
    }
}
