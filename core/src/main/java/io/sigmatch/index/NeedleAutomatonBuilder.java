package io.sigmatch.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects {@code contains} needles with their payloads and compiles them to an Aho–Corasick
 * {@link NeedleAutomaton}.
 *
 * <p>Time: {@link #add} is O(k log σ + σ) for a needle of k chars and at most σ distinct chars
 * following any one prefix. {@link #build()} is O(L log σ + p log p + D · C) for needles of total
 * length L, p payloads, and a dense table of D rows by C char classes (D · C · 4 is at most
 * {@link #maxDenseTableBytes(long)}, so the last term is bounded by that budget). Not thread-safe;
 * {@link #build()} may be called again after further adds.
 */
public final class NeedleAutomatonBuilder {
    /**
     * Default cap on the dense transition table: automata of up to about 50,000 states (2,500
     * needles of 20 chars) over 80 distinct chars are fully dense, and 20,000 such needles take
     * about 25 MB in all.
     */
    public static final long DEFAULT_MAX_DENSE_TABLE_BYTES = 16L << 20;

    /** Largest array the JVM reliably allocates. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final TrieBuilder needles = new TrieBuilder();
    private final List<String> texts = new ArrayList<>();
    private long maxDenseTableBytes = DEFAULT_MAX_DENSE_TABLE_BYTES;

    /**
     * Adds {@code needle} (already case-folded, any UTF-16 code units) with {@code payload}; adding
     * the same pair twice has the effect of adding it once. The empty needle matches every text.
     *
     * @throws IllegalArgumentException if {@code payload} is negative
     */
    public NeedleAutomatonBuilder add(String needle, int payload) {
        needles.add(needle, false, payload);
        texts.add(needle);
        return this;
    }

    /**
     * Caps the memory of the dense transition table, a row of 4-byte entries per state. States are
     * given rows shallowest first, and the root always has one; deeper states keep their trie
     * edges and a failure link instead. Matching stays linear either way; the cap trades memory for
     * a few extra steps per char spent in deep states.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public NeedleAutomatonBuilder maxDenseTableBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxDenseTableBytes must be >= 0: " + bytes);
        }
        maxDenseTableBytes = bytes;
        return this;
    }

    /** Compiles the needles added so far. */
    public NeedleAutomaton build() {
        DenseTrie trie = needles.build();
        CharClasses classes = CharClasses.of(trie);
        int stateCount = trie.nodeCount();
        int classCount = classes.count();
        long rowsWithinBudget = Math.min(maxDenseTableBytes / (4L * classCount),
                MAX_ARRAY_LENGTH / classCount);
        int denseStateCount = (int) Math.max(1, Math.min(stateCount, rowsWithinBudget));

        int[] failure = failureLinks(trie);
        int[] denseTransitions = new int[denseStateCount * classCount];
        for (int state = DenseTrie.ROOT; state < denseStateCount; state++) {
            int row = state * classCount;
            if (state != DenseTrie.ROOT) {
                // Breadth-first ids put the failure state, which is shallower, in an earlier,
                // finished row: copying it pre-resolves every char the state has no edge for.
                System.arraycopy(denseTransitions, failure[state] * classCount,
                        denseTransitions, row, classCount);
            }
            for (int edge = trie.firstEdge(state); edge < trie.edgeEnd(state); edge++) {
                denseTransitions[row + classes.classOf(trie.edgeChar(edge))] = DenseTrie.edgeTarget(edge);
            }
        }

        int[] firstReporting = new int[stateCount];
        int[] nextReporting = new int[stateCount];
        for (int state = DenseTrie.ROOT + 1; state < stateCount; state++) {
            nextReporting[state] = firstReporting[failure[state]];
            boolean ownPayloads = trie.firstPayload(state) < trie.payloadEnd(state);
            firstReporting[state] = ownPayloads ? state : nextReporting[state];
        }

        int[] sparseFailure = Arrays.copyOfRange(failure, denseStateCount, stateCount);
        return new NeedleAutomaton(trie, classes, denseStateCount, denseTransitions, sparseFailure,
                firstReporting, nextReporting, BlockShiftTable.of(texts));
    }

    /**
     * Computes, for each state, the state of the longest proper suffix of its string that is a
     * trie node. Breadth-first ids let one pass in id order find every failure link it follows
     * already computed.
     */
    private static int[] failureLinks(DenseTrie trie) {
        int[] failure = new int[trie.nodeCount()];
        for (int state = DenseTrie.ROOT; state < failure.length; state++) {
            for (int edge = trie.firstEdge(state); edge < trie.edgeEnd(state); edge++) {
                int child = DenseTrie.edgeTarget(edge);
                if (state == DenseTrie.ROOT) {
                    failure[child] = DenseTrie.ROOT;
                    continue;
                }
                char c = trie.edgeChar(edge);
                int suffix = failure[state];
                int target = trie.child(suffix, c);
                while (target == DenseTrie.NO_NODE && suffix != DenseTrie.ROOT) {
                    suffix = failure[suffix];
                    target = trie.child(suffix, c);
                }
                failure[child] = target == DenseTrie.NO_NODE ? DenseTrie.ROOT : target;
            }
        }
        return failure;
    }
}
