package io.sigmatch.index;

/**
 * Estimates of heap size for {@code approximateBytes()} reports, counting 16 bytes of header for
 * each object or array (a 64-bit JVM with compressed class pointers) plus array elements, and
 * ignoring alignment padding and the few scalar fields. O(1).
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

    static long of(byte[] array) {
        return OBJECT_HEADER + array.length;
    }
}
