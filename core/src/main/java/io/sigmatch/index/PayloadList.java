package io.sigmatch.index;

import java.util.Arrays;

/**
 * Build-time set of payloads attached to one key or network. Adding is amortised O(1); the
 * duplicates that adding the same key twice produces are removed once, by
 * {@link #sortDistinct()}, in O(n log n).
 */
final class PayloadList {
    private int[] payloads = new int[1];
    private int size;

    /** Rejects the negative numbers that run-time structures reserve as "no node" markers. */
    static int requireValidPayload(int payload) {
        if (payload < 0) {
            throw new IllegalArgumentException("payload must be >= 0: " + payload);
        }
        return payload;
    }

    void add(int payload) {
        if (size == payloads.length) {
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        payloads[size++] = payload;
    }

    /** Sorts and removes duplicates in place; returns the number of distinct payloads. */
    int sortDistinct() {
        Arrays.sort(payloads, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || payloads[distinct - 1] != payloads[i]) {
                payloads[distinct++] = payloads[i];
            }
        }
        size = distinct;
        return distinct;
    }

    /** Copies the payloads to {@code target} at {@code offset}; call {@link #sortDistinct()} first. */
    void copyTo(int[] target, int offset) {
        System.arraycopy(payloads, 0, target, offset, size);
    }
}
