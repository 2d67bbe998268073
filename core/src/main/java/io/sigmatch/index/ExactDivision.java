package io.sigmatch.index;

/**
 * Division of non-negative ints by a fixed divisor through a multiply and a shift: an integer
 * division costs tens of cycles, this about four. With l = ⌈log2 d⌉, k = 31 + l and
 * m = ⌈2^k / d⌉, m·d − 2^k < d ≤ 2^l = 2^(k−31), which makes ⌊n·m / 2^k⌋ = ⌊n / d⌋ for every
 * 0 ≤ n < 2^31 (Granlund and Montgomery, "Division by invariant integers using multiplication",
 * 1994); m ≤ 2^32, so n·m stays below 2^63. O(1).
 */
final class ExactDivision {
    private final long reciprocal;
    private final int shift;

    /** Division by {@code divisor}, which must be positive. */
    ExactDivision(int divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        shift = 31 + (32 - Integer.numberOfLeadingZeros(divisor - 1));
        reciprocal = ((1L << shift) + divisor - 1) / divisor;
    }

    /** {@code n / divisor}, for {@code n >= 0}. */
    int divide(int n) {
        return (int) ((n * reciprocal) >>> shift);
    }
}
