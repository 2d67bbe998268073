package io.sigmatch.index;

import java.util.Objects;

/**
 * Collects {@code cidr} networks with their payloads and compiles them to a {@link CidrTrie}.
 *
 * <p>Time: {@link #add} is O(prefix length); {@link #build()} is O(N + p log p) for N trie nodes
 * (at most the sum of the prefix lengths, plus two roots) and p payloads. Not thread-safe;
 * {@link #build()} may be called again after further adds.
 */
public final class CidrTrieBuilder {
    private static final class Node {
        /** Indexed by address bit. */
        final Node[] children = new Node[2];
        /** Null until the first payload: most nodes are on the way to a network, not at one. */
        PayloadList payloads;
    }

    private final Node ipv4Root = new Node();
    private final Node ipv6Root = new Node();
    private int nodeCount = 2;

    /**
     * Adds the network whose first {@code prefixLength} bits are those of {@code network}, with
     * {@code payload}. {@code network} is 4 bytes for IPv4 or 16 for IPv6, in network byte order;
     * bits after the prefix are ignored. Adding the same network and payload twice has the effect of
     * adding them once.
     *
     * @throws IllegalArgumentException if {@code network} is neither 4 nor 16 bytes long,
     *     {@code prefixLength} is outside {@code 0 .. 8 * network.length}, or {@code payload} is
     *     negative
     */
    public CidrTrieBuilder add(byte[] network, int prefixLength, int payload) {
        Objects.requireNonNull(network, "network");
        Node node = rootFor(network.length);
        if (prefixLength < 0 || prefixLength > 8 * network.length) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for a "
                    + network.length + "-byte address");
        }
        PayloadList.requireValidPayload(payload);
        for (int bit = 0; bit < prefixLength; bit++) {
            int branch = CidrTrie.bitAt(network, bit);
            if (node.children[branch] == null) {
                node.children[branch] = new Node();
                nodeCount++;
            }
            node = node.children[branch];
        }
        if (node.payloads == null) {
            node.payloads = new PayloadList();
        }
        node.payloads.add(payload);
        return this;
    }

    private Node rootFor(int addressLength) {
        if (addressLength == CidrTrie.IPV4_BYTES) {
            return ipv4Root;
        }
        if (addressLength == CidrTrie.IPV6_BYTES) {
            return ipv6Root;
        }
        throw new IllegalArgumentException("address must be 4 or 16 bytes, not " + addressLength);
    }

    /** Compiles the networks added so far. */
    public CidrTrie build() {
        Node[] byId = new Node[nodeCount];
        byId[CidrTrie.IPV4_ROOT] = ipv4Root;
        byId[CidrTrie.IPV6_ROOT] = ipv6Root;
        int[] children = new int[2 * nodeCount];
        int[] payloadStart = new int[nodeCount + 1];
        int numbered = 2;
        for (int id = 0; id < nodeCount; id++) {
            Node node = byId[id];
            for (int branch = 0; branch < 2; branch++) {
                Node child = node.children[branch];
                if (child == null) {
                    children[2 * id + branch] = CidrTrie.NO_NODE;
                } else {
                    byId[numbered] = child;
                    children[2 * id + branch] = numbered++;
                }
            }
            int payloadCount = node.payloads == null ? 0 : node.payloads.sortDistinct();
            payloadStart[id + 1] = payloadStart[id] + payloadCount;
        }
        int[] payloads = new int[payloadStart[nodeCount]];
        for (int id = 0; id < nodeCount; id++) {
            if (byId[id].payloads != null) {
                byId[id].payloads.copyTo(payloads, payloadStart[id]);
            }
        }
        return new CidrTrie(children, payloadStart, payloads);
    }
}
