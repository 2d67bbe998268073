package io.sigmatch.index;

/**
 * Estimates of the heap taken by arrays, for {@code approximateBytes()} reports: a 16-byte header
 * (64-bit JVM, compressed class pointers) plus the elements, ignoring alignment padding. O(1).
 */
final class HeapSize {
    static final long OBJECT_HEADER = 16;

    private HeapSize() {
    }

    static long of(int[] array) {
        return OBJECT_HEADER + 4L * array.length;
    }

    static long of(char[] array) {
        return OBJECT_HEADER + 2L * array.length;
    }
}
