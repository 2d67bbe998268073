package io.sigmatch.index;

import io.sigmatch.value.CaseFold;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Immutable, array-based char trie built by {@link TrieBuilder}; the engine behind
 * {@link PrefixTrie} and {@link SuffixTrie}, and the goto function and per-state outputs of
 * {@link NeedleAutomaton}.
 *
 * <p>Nodes are numbered breadth-first and each node's edges are sorted by char, so edge number
 * {@code e} always leads to node {@code e + 1}: the layout stores only edge chars, never targets.
 * A node's payloads are one range of a shared array.
 *
 * <p>Time: {@link #child} is O(log σ) for a node of σ children; {@link #walk} is
 * O(min(n, h) · log σ + r) for a value of n chars, a trie of height h and r reports. Memory:
 * 2 bytes per edge plus 8 bytes per node plus 4 bytes per payload.
 */
final class DenseTrie {
    static final int ROOT = 0;
    static final int NO_NODE = -1;

    /** Node {@code i}'s edges are {@code edgeStart[i] .. edgeStart[i + 1] - 1}. */
    private final int[] edgeStart;
    private final char[] edgeChars;
    /** Node {@code i}'s payloads are {@code payloads[payloadStart[i] .. payloadStart[i + 1] - 1]}. */
    private final int[] payloadStart;
    private final int[] payloads;

    DenseTrie(int[] edgeStart, char[] edgeChars, int[] payloadStart, int[] payloads) {
        this.edgeStart = edgeStart;
        this.edgeChars = edgeChars;
        this.payloadStart = payloadStart;
        this.payloads = payloads;
    }

    static int edgeTarget(int edge) {
        return edge + 1;
    }

    int nodeCount() {
        return edgeStart.length - 1;
    }

    int firstEdge(int node) {
        return edgeStart[node];
    }

    int edgeEnd(int node) {
        return edgeStart[node + 1];
    }

    char edgeChar(int edge) {
        return edgeChars[edge];
    }

    /** Returns the node reached from {@code node} over {@code c}, or {@link #NO_NODE}. */
    int child(int node, char c) {
        int start = edgeStart[node];
        int end = edgeStart[node + 1];
        // Below the first few levels most nodes have one edge (a key's tail): one compare, where
        // a binary search costs a call and a loop.
        if (end - start == 1) {
            return edgeChars[start] == c ? edgeTarget(start) : NO_NODE;
        }
        int edge = Arrays.binarySearch(edgeChars, start, end, c);
        return edge >= 0 ? edgeTarget(edge) : NO_NODE;
    }

    int firstPayload(int node) {
        return payloadStart[node];
    }

    int payloadEnd(int node) {
        return payloadStart[node + 1];
    }

    int payload(int index) {
        return payloads[index];
    }

    /**
     * Reports the payloads of every key that spells a prefix of {@code value} read forwards, or
     * read from its last char when {@code backwards}.
     */
    void walk(CharSequence value, boolean backwards, IntConsumer out) {
        int node = ROOT;
        reportPayloads(node, out);
        int length = value.length();
        for (int i = 0; i < length; i++) {
            node = child(node, value.charAt(backwards ? length - 1 - i : i));
            if (node == NO_NODE) {
                return;
            }
            reportPayloads(node, out);
        }
    }

    /**
     * As {@link #walk}, over the case fold of {@code value} read from {@code value} itself: ASCII
     * chars fold to lower case as they are read, so the walk reads only as far as the trie goes
     * instead of folding the whole value first. Returns false, having reported only what the
     * ASCII chars before it allowed, at the first char above 0x7F it needs: the caller then walks
     * the folded value, which reports those payloads again.
     */
    boolean walkFoldingAscii(String value, boolean backwards, IntConsumer out) {
        int node = ROOT;
        reportPayloads(node, out);
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(backwards ? length - 1 - i : i);
            if (c >= 0x80) {
                return false;
            }
            node = child(node, CaseFold.foldAscii(c));
            if (node == NO_NODE) {
                return true;
            }
            reportPayloads(node, out);
        }
        return true;
    }

    private void reportPayloads(int node, IntConsumer out) {
        for (int i = payloadStart[node], end = payloadStart[node + 1]; i < end; i++) {
            out.accept(payloads[i]);
        }
    }

    long approximateBytes() {
        return HeapSize.OBJECT_HEADER + HeapSize.of(edgeStart) + HeapSize.of(edgeChars)
                + HeapSize.of(payloadStart) + HeapSize.of(payloads);
    }
}
