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
}
