package io.sigmatch.index;

import java.math.BigDecimal;
import java.util.function.IntConsumer;

/**
 * Answers "which numeric comparisons does this value satisfy" with one sorted threshold array per
 * {@link Comparison}: the thresholds a value satisfies are a prefix ({@code GT}, {@code GTE}) or a
 * suffix ({@code LT}, {@code LTE}) of that array, found by binary search. Comparison is exact
 * decimal ({@link BigDecimal#compareTo}, so 0.30 equals 0.3). Immutable and thread-safe; matching
 * allocates nothing.
 *
 * <p>Time: {@link #match} is O(log n + r) for n thresholds and r reports, each step one
 * {@link BigDecimal#compareTo}.
 */
public final class NumericThresholds {
    /** Indexed by {@link Comparison#ordinal()}; each ascending. */
    private final BigDecimal[][] thresholds;
    /** Parallel to {@link #thresholds}. */
    private final int[][] payloads;

    NumericThresholds(BigDecimal[][] thresholds, int[][] payloads) {
        this.thresholds = thresholds;
        this.payloads = payloads;
    }

    /**
     * Reports the payload of every comparison {@code value op threshold} that holds, once for each of
     * its comparisons that holds. Allocates nothing, unless {@link BigDecimal#compareTo} itself does
     * to rescale a number that does not fit a {@code long}.
     */
    public void match(BigDecimal value, IntConsumer out) {
        int gt = Comparison.GT.ordinal();
        int gte = Comparison.GTE.ordinal();
        int lt = Comparison.LT.ordinal();
        int lte = Comparison.LTE.ordinal();
        report(gt, 0, countBelow(thresholds[gt], value, false), out);
        report(gte, 0, countBelow(thresholds[gte], value, true), out);
        report(lt, countBelow(thresholds[lt], value, true), thresholds[lt].length, out);
        report(lte, countBelow(thresholds[lte], value, false), thresholds[lte].length, out);
    }

    /** Counts the thresholds below {@code value}, or at most {@code value} when {@code inclusive}. */
    private static int countBelow(BigDecimal[] ascending, BigDecimal value, boolean inclusive) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int order = ascending[mid].compareTo(value);
            if (order < 0 || (inclusive && order == 0)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void report(int op, int from, int to, IntConsumer out) {
        int[] opPayloads = payloads[op];
        for (int i = from; i < to; i++) {
            out.accept(opPayloads[i]);
        }
    }
}
