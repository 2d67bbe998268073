package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeapSizeTest {

    @Test
    void intArrayTakesAHeaderAndFourBytesPerElement() {
        assertEquals(16, HeapSize.of(new int[0]));
        assertEquals(16 + 4 * 3, HeapSize.of(new int[3]));
    }

    @Test
    void charArrayTakesAHeaderAndTwoBytesPerElement() {
        assertEquals(16, HeapSize.of(new char[0]));
        assertEquals(16 + 2 * 3, HeapSize.of(new char[3]));
    }

}
