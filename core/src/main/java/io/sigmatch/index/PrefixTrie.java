package io.sigmatch.index;

import java.util.function.IntConsumer;

/**
 * Answers "which keys is this value a continuation of" ({@code startswith}) by walking a trie from
 * the value's first char. Immutable and thread-safe; matching allocates nothing.
 *
 * <p>Time: {@link #matchPrefixes} is O(min(n, h) · log σ + r) for a value of n chars, a longest
 * key of h chars, at most σ distinct chars following any one prefix (log σ ≤ 16) and r reports.
 */
public final class PrefixTrie {
    private final DenseTrie trie;

    PrefixTrie(DenseTrie trie) {
        this.trie = trie;
    }

    /**
     * Reports the payloads of every key that is a prefix of {@code value}; the empty key is a
     * prefix of every value. A payload is reported once for each of its keys that matches.
     */
    public void matchPrefixes(CharSequence value, IntConsumer out) {
        trie.walk(value, false, out);
    }

    /**
     * For a trie of case-folded keys: reports the keys that are prefixes of the case fold of
     * {@code value}, folding only the chars it reads; false when it meets a char above 0x7F, after
     * which the caller passes the folded value to {@link #matchPrefixes} (payloads reported before
     * are then reported again).
     *
     * <pre>{@code
     * if (!prefixes.matchPrefixesFoldingAscii(value, out)) {
     *     prefixes.matchPrefixes(CaseFold.fold(value), out);
     * }
     * }</pre>
     */
    public boolean matchPrefixesFoldingAscii(String value, IntConsumer out) {
        return trie.walkFoldingAscii(value, false, out);
    }
}
