package io.sigmatch.index;

/**
 * Collects {@code endswith} keys with their payloads and compiles them to a {@link SuffixTrie}.
 *
 * <p>Time: {@link #add} is O(k log σ + σ) for a key of k chars and at most σ distinct chars
 * preceding any one suffix; {@link #build()} is O(total key length + p log p) for p payloads. Not
 * thread-safe; {@link #build()} may be called again after further adds.
 */
public final class SuffixTrieBuilder {
    /** Keys are stored reversed, so that matching can start at a value's last char. */
    private final TrieBuilder reversedKeys = new TrieBuilder();

    /**
     * Adds {@code key} (already case-folded) with {@code payload}; adding the same pair twice has
     * the effect of adding it once.
     *
     * @throws IllegalArgumentException if {@code payload} is negative
     */
    public SuffixTrieBuilder add(String key, int payload) {
        reversedKeys.add(key, true, payload);
        return this;
    }

    /** Compiles the keys added so far. */
    public SuffixTrie build() {
        return new SuffixTrie(reversedKeys.build());
    }
}
