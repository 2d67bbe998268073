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
    /**
     * Parallel to {@link #thresholds}: each threshold's floor clamped to the long range, and its
     * order against a long equal to that floor (0 when integral, 1 above it, -1 below the range),
     * so a long value is compared without building a BigDecimal.
     */
    private final long[][] floors;
    private final int[][] orderAtFloor;

    NumericThresholds(BigDecimal[][] thresholds, int[][] payloads) {
        this.thresholds = thresholds;
        this.payloads = payloads;
        this.floors = new long[thresholds.length][];
        this.orderAtFloor = new int[thresholds.length][];
        BigDecimal min = BigDecimal.valueOf(Long.MIN_VALUE);
        BigDecimal max = BigDecimal.valueOf(Long.MAX_VALUE);
        for (int op = 0; op < thresholds.length; op++) {
            floors[op] = new long[thresholds[op].length];
            orderAtFloor[op] = new int[thresholds[op].length];
            for (int i = 0; i < thresholds[op].length; i++) {
                BigDecimal t = thresholds[op][i];
                BigDecimal floor = t.setScale(0, java.math.RoundingMode.FLOOR);
                if (floor.compareTo(min) < 0) {
                    floors[op][i] = Long.MIN_VALUE;
                    orderAtFloor[op][i] = -1;
                } else if (floor.compareTo(max) > 0) {
                    floors[op][i] = Long.MAX_VALUE;
                    orderAtFloor[op][i] = 1;
                } else {
                    floors[op][i] = floor.longValueExact();
                    orderAtFloor[op][i] = floor.compareTo(t) == 0 ? 0 : 1;
                }
            }
        }
    }

    /** As {@link #match(BigDecimal, IntConsumer)} for an integer value; allocates nothing. */
    public void match(long value, IntConsumer out) {
        int gt = Comparison.GT.ordinal();
        int gte = Comparison.GTE.ordinal();
        int lt = Comparison.LT.ordinal();
        int lte = Comparison.LTE.ordinal();
        report(gt, 0, countBelow(gt, value, false), out);
        report(gte, 0, countBelow(gte, value, true), out);
        report(lt, countBelow(lt, value, true), thresholds[lt].length, out);
        report(lte, countBelow(lte, value, false), thresholds[lte].length, out);
    }

    private int countBelow(int op, long value, boolean inclusive) {
        long[] f = floors[op];
        int low = 0;
        int high = f.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int order = f[mid] != value ? Long.compare(f[mid], value) : orderAtFloor[op][mid];
            if (order < 0 || (inclusive && order == 0)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
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
