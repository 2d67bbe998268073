package io.sigmatch.index;

import java.util.Arrays;
import java.util.Objects;

/**
 * Build-time char trie shared by the prefix trie, the suffix trie and the needle automaton. Keys
 * may be inserted reversed, so the suffix trie can be walked from a value's last char.
 *
 * <p>Time: {@link #add} is O(k log σ + σ) for a key of k chars and nodes of at most σ children
 * (the σ is the sorted insertion of a new edge); {@link #build()} is O(total key length + p log p)
 * for p payloads.
 */
final class TrieBuilder {
    private static final char[] NO_CHARS = new char[0];
    private static final Node[] NO_NODES = new Node[0];

    private static final class Node {
        /** Sorted, so {@link #build()} emits edges in the order {@link DenseTrie} searches them. */
        char[] edgeChars = NO_CHARS;
        Node[] children = NO_NODES;
        int childCount;
        /** Null until the first payload: most nodes of a trie carry none. */
        PayloadList payloads;
    }

    private final Node root = new Node();
    private int nodeCount = 1;

    void add(String key, boolean reversed, int payload) {
        Objects.requireNonNull(key, "key");
        PayloadList.requireValidPayload(payload);
        Node node = root;
        int length = key.length();
        for (int i = 0; i < length; i++) {
            node = childOf(node, key.charAt(reversed ? length - 1 - i : i));
        }
        if (node.payloads == null) {
            node.payloads = new PayloadList();
        }
        node.payloads.add(payload);
    }

    private Node childOf(Node parent, char c) {
        int index = Arrays.binarySearch(parent.edgeChars, 0, parent.childCount, c);
        if (index >= 0) {
            return parent.children[index];
        }
        int insertAt = -index - 1;
        if (parent.childCount == parent.edgeChars.length) {
            int capacity = Math.max(2, parent.childCount * 2);
            parent.edgeChars = Arrays.copyOf(parent.edgeChars, capacity);
            parent.children = Arrays.copyOf(parent.children, capacity);
        }
        int tail = parent.childCount - insertAt;
        System.arraycopy(parent.edgeChars, insertAt, parent.edgeChars, insertAt + 1, tail);
        System.arraycopy(parent.children, insertAt, parent.children, insertAt + 1, tail);
        Node child = new Node();
        parent.edgeChars[insertAt] = c;
        parent.children[insertAt] = child;
        parent.childCount++;
        nodeCount++;
        return child;
    }

    /**
     * Numbers the nodes breadth-first, which gives {@link DenseTrie} its implicit edge targets and
     * gives the needle automaton every state after all states of smaller depth.
     */
    DenseTrie build() {
        Node[] byId = new Node[nodeCount];
        byId[DenseTrie.ROOT] = root;
        int[] edgeStart = new int[nodeCount + 1];
        char[] edgeChars = new char[nodeCount - 1];
        int[] payloadStart = new int[nodeCount + 1];
        int edges = 0;
        for (int id = 0; id < nodeCount; id++) {
            Node node = byId[id];
            edgeStart[id] = edges;
            for (int k = 0; k < node.childCount; k++) {
                edgeChars[edges] = node.edgeChars[k];
                byId[DenseTrie.edgeTarget(edges)] = node.children[k];
                edges++;
            }
            int payloadCount = node.payloads == null ? 0 : node.payloads.sortDistinct();
            payloadStart[id + 1] = payloadStart[id] + payloadCount;
        }
        edgeStart[nodeCount] = edges;
        int[] payloads = new int[payloadStart[nodeCount]];
        for (int id = 0; id < nodeCount; id++) {
            if (byId[id].payloads != null) {
                byId[id].payloads.copyTo(payloads, payloadStart[id]);
            }
        }
        return new DenseTrie(edgeStart, edgeChars, payloadStart, payloads);
    }
}
