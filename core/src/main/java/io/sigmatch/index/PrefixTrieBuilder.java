package io.sigmatch.index;

/**
 * Collects {@code startswith} keys with their payloads and compiles them to a {@link PrefixTrie}.
 *
 * <p>Time: {@link #add} is O(k log σ + σ) for a key of k chars and at most σ distinct chars
 * following any one prefix; {@link #build()} is O(total key length + p log p) for p payloads. Not
 * thread-safe; {@link #build()} may be called again after further adds.
 */
public final class PrefixTrieBuilder {
    private final TrieBuilder trie = new TrieBuilder();

    /**
     * Adds {@code key} (already case-folded) with {@code payload}; adding the same pair twice has
     * the effect of adding it once.
     *
     * @throws IllegalArgumentException if {@code payload} is negative
     */
    public PrefixTrieBuilder add(String key, int payload) {
        trie.add(key, false, payload);
        return this;
    }

    /** Compiles the keys added so far. */
    public PrefixTrie build() {
        return new PrefixTrie(trie.build());
    }
}
