package io.sigmatch.index;

import java.util.function.IntConsumer;

/**
 * Answers "which networks contain this address" ({@code cidr}) by walking a binary trie over the
 * address bits, most significant first. IPv4 and IPv6 networks hang under separate roots, so an
 * address only ever matches networks of its own family; {@code ::ffff:a.b.c.d} is an IPv6 address.
 * Immutable and thread-safe; matching and {@link #parseAddress} allocate nothing.
 *
 * <p>Time: {@link #matchAddress} is O(w + r) for w = 32 or 128 address bits and r reports.
 * Memory: 12 bytes per trie node plus 4 bytes per payload.
 */
public final class CidrTrie {
    static final int IPV4_BYTES = 4;
    static final int IPV6_BYTES = 16;
    static final int IPV4_ROOT = 0;
    static final int IPV6_ROOT = 1;
    static final int NO_NODE = -1;

    /** Node {@code i}'s child over bit b is {@code children[2 * i + b]}. */
    private final int[] children;
    /** Node {@code i}'s payloads are {@code payloads[payloadStart[i] .. payloadStart[i + 1] - 1]}. */
    private final int[] payloadStart;
    private final int[] payloads;

    CidrTrie(int[] children, int[] payloadStart, int[] payloads) {
        this.children = children;
        this.payloadStart = payloadStart;
        this.payloads = payloads;
    }

    static int bitAt(byte[] address, int bit) {
        return (address[bit >>> 3] >>> (7 - (bit & 7))) & 1;
    }

    /**
     * Reports the payload of every network that contains {@code address}, 4 bytes for IPv4 or 16
     * for IPv6, in network byte order. A payload is reported once for each of its networks that
     * contains the address.
     *
     * @throws IllegalArgumentException if {@code address} is neither 4 nor 16 bytes long
     */
    public void matchAddress(byte[] address, IntConsumer out) {
        matchAddress(address, address.length, out);
    }

    /**
     * Like {@link #matchAddress(byte[], IntConsumer)} for the address in the first
     * {@code addressLength} bytes of {@code address}; pairs with {@link #parseAddress}, whose
     * result is the length to pass.
     *
     * @throws IllegalArgumentException if {@code addressLength} is neither 4 nor 16
     */
    public void matchAddress(byte[] address, int addressLength, IntConsumer out) {
        int node;
        if (addressLength == IPV4_BYTES) {
            node = IPV4_ROOT;
        } else if (addressLength == IPV6_BYTES) {
            node = IPV6_ROOT;
        } else {
            throw new IllegalArgumentException("address must be 4 or 16 bytes, not " + addressLength);
        }
        reportPayloads(node, out);
        for (int bit = 0, bits = 8 * addressLength; bit < bits; bit++) {
            node = children[2 * node + bitAt(address, bit)];
            if (node == NO_NODE) {
                return;
            }
            reportPayloads(node, out);
        }
    }

    private void reportPayloads(int node, IntConsumer out) {
        for (int i = payloadStart[node], end = payloadStart[node + 1]; i < end; i++) {
            out.accept(payloads[i]);
        }
    }

    /**
     * Parses a textual IP address without allocating. Accepts exactly an IPv4 dotted quad of
     * decimal parts 0–255 without leading zeros ({@code 10.0.0.1}, not {@code 010.0.0.1}), or an
     * IPv6 address in an RFC 4291 text form: eight groups of 1–4 hex digits in either case, one
     * {@code ::} standing for one or more zero groups, and an optional dotted-quad tail
     * ({@code ::ffff:1.2.3.4}). Rejects zone ids ({@code %eth0}), brackets, prefix lengths and
     * whitespace. Time: O(length of s).
     *
     * @param s the text to parse
     * @param scratch16 receives the address in network byte order: the first 4 bytes for IPv4, all
     *     16 for IPv6; its content is undefined when the result is 0
     * @return 4 for IPv4, 16 for IPv6, 0 if {@code s} is not a valid address
     */
    public static int parseAddress(CharSequence s, byte[] scratch16) {
        return IpAddressParser.parse(s, scratch16);
    }
}
