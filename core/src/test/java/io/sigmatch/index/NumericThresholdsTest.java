package io.sigmatch.index;

import static io.sigmatch.index.Reports.setOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NumericThresholdsTest {

    private record Threshold(BigDecimal value, Comparison op, int payload) {
    }

    private static SortedSet<Integer> satisfied(NumericThresholds thresholds, String value) {
        return Reports.set(out -> thresholds.match(new BigDecimal(value), out));
    }

    @Test
    void valueEqualToTheThresholdSatisfiesOnlyTheInclusiveComparisons() {
        NumericThresholds thresholds = new NumericThresholdsBuilder()
                .add(new BigDecimal("10"), Comparison.GT, 1).add(new BigDecimal("10"), Comparison.GTE, 2)
                .add(new BigDecimal("10"), Comparison.LT, 3).add(new BigDecimal("10"), Comparison.LTE, 4).build();
        assertEquals(setOf(2, 4), satisfied(thresholds, "10"));
        assertEquals(setOf(1, 2), satisfied(thresholds, "10.0001"));
        assertEquals(setOf(3, 4), satisfied(thresholds, "9.9999"));
    }

    @Test
    void comparesNumericallyWhateverTheScale() {
        NumericThresholds thresholds = new NumericThresholdsBuilder()
                .add(new BigDecimal("0.3"), Comparison.GTE, 1).add(new BigDecimal("0.30"), Comparison.LTE, 2)
                .add(new BigDecimal("3E-1"), Comparison.GT, 3).build();
        assertEquals(setOf(1, 2), satisfied(thresholds, "0.300"));
        assertEquals(setOf(1, 2), satisfied(thresholds, "0.3"));
    }

    @Test
    void reportsEveryThresholdOnTheSatisfiedSide() {
        NumericThresholdsBuilder builder = new NumericThresholdsBuilder();
        for (int i = 0; i < 10; i++) {
            builder.add(BigDecimal.valueOf(i), Comparison.GT, i).add(BigDecimal.valueOf(i), Comparison.LT, 100 + i);
        }
        NumericThresholds thresholds = builder.build();
        assertEquals(setOf(0, 1, 2, 104, 105, 106, 107, 108, 109), satisfied(thresholds, "3"));
        assertEquals(setOf(100, 101, 102, 103, 104, 105, 106, 107, 108, 109), satisfied(thresholds, "-1"));
        assertEquals(setOf(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), satisfied(thresholds, "1e3"));
    }

    @Test
    void repeatedThresholdCarriesEachPayloadOnce() {
        NumericThresholds thresholds = new NumericThresholdsBuilder()
                .add(new BigDecimal("5"), Comparison.GTE, 1).add(new BigDecimal("5.0"), Comparison.GTE, 1)
                .add(new BigDecimal("5"), Comparison.GTE, 2).build();
        assertEquals(List.of(1, 2), Reports.list(out -> thresholds.match(BigDecimal.TEN, out)));
    }

    @Test
    void noThresholdsMatchNothing() {
        assertEquals(setOf(), satisfied(new NumericThresholdsBuilder().build(), "0"));
    }

    @Test
    void rejectsNegativePayloadsAndNulls() {
        NumericThresholdsBuilder builder = new NumericThresholdsBuilder();
        assertThrows(IllegalArgumentException.class, () -> builder.add(BigDecimal.ONE, Comparison.GT, -1));
        assertThrows(NullPointerException.class, () -> builder.add(null, Comparison.GT, 1));
        assertThrows(NullPointerException.class, () -> builder.add(BigDecimal.ONE, null, 1));
    }

    private static SortedSet<Integer> satisfied(NumericThresholds thresholds, long value) {
        return Reports.set(out -> thresholds.match(value, out));
    }

    /** The oracle: each comparison that holds by {@link BigDecimal#compareTo}. */
    private static SortedSet<Integer> expected(List<Threshold> added, BigDecimal value) {
        SortedSet<Integer> expected = new TreeSet<>();
        for (Threshold threshold : added) {
            int order = value.compareTo(threshold.value());
            boolean holds = switch (threshold.op()) {
                case GT -> order > 0;
                case GTE -> order >= 0;
                case LT -> order < 0;
                case LTE -> order <= 0;
            };
            if (holds) {
                expected.add(threshold.payload());
            }
        }
        return expected;
    }

    private static NumericThresholds allFour(String threshold) {
        BigDecimal t = new BigDecimal(threshold);
        return new NumericThresholdsBuilder().add(t, Comparison.GT, 1).add(t, Comparison.GTE, 2)
                .add(t, Comparison.LT, 3).add(t, Comparison.LTE, 4).build();
    }

    @Test
    void longValueEqualToTheThresholdSatisfiesOnlyTheInclusiveComparisons() {
        NumericThresholds thresholds = allFour("10");
        assertEquals(setOf(2, 4), satisfied(thresholds, 10L));
        assertEquals(setOf(1, 2), satisfied(thresholds, 11L));
        assertEquals(setOf(3, 4), satisfied(thresholds, 9L));
    }

    @Test
    void longValueIsNeverEqualToAFractionalThreshold() {
        // The long path compares with the threshold's floor; 5 shares its floor with 5.5 yet is below it.
        NumericThresholds thresholds = allFour("5.5");
        assertEquals(setOf(3, 4), satisfied(thresholds, 5L));
        assertEquals(setOf(1, 2), satisfied(thresholds, 6L));
        // The floor of -0.5 is -1, not 0: -1 is below the threshold and 0 above it.
        NumericThresholds negative = allFour("-0.5");
        assertEquals(setOf(3, 4), satisfied(negative, -1L));
        assertEquals(setOf(1, 2), satisfied(negative, 0L));
    }

    @Test
    void longValueAtTheEndsOfTheLongRangeComparesExactly() {
        NumericThresholds atMin = allFour(Long.toString(Long.MIN_VALUE));
        assertEquals(setOf(2, 4), satisfied(atMin, Long.MIN_VALUE));
        assertEquals(setOf(1, 2), satisfied(atMin, Long.MIN_VALUE + 1));
        NumericThresholds atMax = allFour(Long.toString(Long.MAX_VALUE));
        assertEquals(setOf(2, 4), satisfied(atMax, Long.MAX_VALUE));
        assertEquals(setOf(3, 4), satisfied(atMax, Long.MAX_VALUE - 1));
    }

    @Test
    void thresholdsBeyondTheLongRangeAreAboveOrBelowEveryLong() {
        // Their floors are clamped to the long range, where they tie with the extreme longs.
        for (String below : List.of("-9223372036854775809", "-9223372036854775808.5", "-1e30")) {
            NumericThresholds thresholds = allFour(below);
            assertEquals(setOf(1, 2), satisfied(thresholds, Long.MIN_VALUE), below);
            assertEquals(setOf(1, 2), satisfied(thresholds, 0L), below);
        }
        for (String above : List.of("9223372036854775808", "9223372036854775807.5", "1e30")) {
            NumericThresholds thresholds = allFour(above);
            assertEquals(setOf(3, 4), satisfied(thresholds, Long.MAX_VALUE), above);
            assertEquals(setOf(3, 4), satisfied(thresholds, 0L), above);
        }
    }

    /** Thresholds around the ends of the long range, where the long path clamps floors. */
    private static final List<BigDecimal> LONG_RANGE_EDGES = List.of(
            BigDecimal.valueOf(Long.MIN_VALUE).subtract(BigDecimal.ONE),
            BigDecimal.valueOf(Long.MIN_VALUE).subtract(new BigDecimal("0.5")),
            BigDecimal.valueOf(Long.MIN_VALUE),
            BigDecimal.valueOf(Long.MIN_VALUE).add(new BigDecimal("0.5")),
            BigDecimal.valueOf(Long.MAX_VALUE).subtract(new BigDecimal("0.5")),
            BigDecimal.valueOf(Long.MAX_VALUE),
            BigDecimal.valueOf(Long.MAX_VALUE).add(new BigDecimal("0.5")),
            BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE));

    private static final long[] EXTREME_LONGS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    @Test
    void longValuesAgreeWithCompareToOnRandomThresholds() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            List<Threshold> added = new ArrayList<>();
            NumericThresholdsBuilder builder = new NumericThresholdsBuilder();
            for (int n = random.nextInt(15); n > 0; n--) {
                BigDecimal value = random.nextInt(5) == 0
                        ? LONG_RANGE_EDGES.get(random.nextInt(LONG_RANGE_EDGES.size()))
                        : randomNumber(random);
                Threshold threshold = new Threshold(value, Comparison.values()[random.nextInt(4)], random.nextInt(20));
                added.add(threshold);
                builder.add(threshold.value(), threshold.op(), threshold.payload());
            }
            NumericThresholds thresholds = builder.build();
            for (int v = 0; v < 20; v++) {
                long value = random.nextInt(5) == 0
                        ? EXTREME_LONGS[random.nextInt(EXTREME_LONGS.length)]
                        : random.nextInt(13) - 6;
                assertEquals(expected(added, BigDecimal.valueOf(value)), satisfied(thresholds, value),
                        "seed " + seed + ", thresholds " + added + ", value " + value);
            }
        }
    }

    /** Few distinct numbers in several scales, so that values often equal thresholds. */
    private static BigDecimal randomNumber(Random random) {
        BigDecimal number = BigDecimal.valueOf(random.nextInt(11) - 5, random.nextInt(2));
        return number.setScale(number.scale() + random.nextInt(3));
    }

    @Test
    void agreesWithCompareToOnRandomThresholds() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            List<Threshold> added = new ArrayList<>();
            NumericThresholdsBuilder builder = new NumericThresholdsBuilder();
            for (int n = random.nextInt(15); n > 0; n--) {
                Threshold threshold = random.nextInt(8) == 0 && !added.isEmpty()
                        ? added.get(random.nextInt(added.size()))
                        : new Threshold(randomNumber(random), Comparison.values()[random.nextInt(4)], random.nextInt(20));
                added.add(threshold);
                builder.add(threshold.value(), threshold.op(), threshold.payload());
            }
            NumericThresholds thresholds = builder.build();
            for (int v = 0; v < 20; v++) {
                BigDecimal value = randomNumber(random);
                assertEquals(expected(added, value), Reports.set(out -> thresholds.match(value, out)),
                        "seed " + seed + ", thresholds " + added + ", value " + value);
            }
        }
    }
}
