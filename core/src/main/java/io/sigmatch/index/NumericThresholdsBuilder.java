package io.sigmatch.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects numeric comparisons ({@code gt}, {@code gte}, {@code lt}, {@code lte}) with their
 * payloads and compiles them to {@link NumericThresholds}.
 *
 * <p>Time: {@link #add} is amortised O(1); {@link #build()} is O(n log n) for n comparisons. Not
 * thread-safe; {@link #build()} may be called again after further adds.
 */
public final class NumericThresholdsBuilder {
    private record Threshold(BigDecimal value, int payload) {
    }

    /** Numerically, so that 0.3 and 0.30 sort (and merge) as one threshold. */
    private static final Comparator<Threshold> NUMERIC_ORDER =
            Comparator.comparing(Threshold::value).thenComparingInt(Threshold::payload);

    private final Map<Comparison, List<Threshold>> thresholds = new EnumMap<>(Comparison.class);

    public NumericThresholdsBuilder() {
        for (Comparison op : Comparison.values()) {
            thresholds.put(op, new ArrayList<>());
        }
    }

    /**
     * Adds the comparison {@code value op threshold} with {@code payload}. Adding a numerically
     * equal threshold with the same operator and payload twice has the effect of adding it once.
     *
     * @throws IllegalArgumentException if {@code payload} is negative
     */
    public NumericThresholdsBuilder add(BigDecimal threshold, Comparison op, int payload) {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(op, "op");
        thresholds.get(op).add(new Threshold(threshold, PayloadList.requireValidPayload(payload)));
        return this;
    }

    /** Compiles the comparisons added so far. */
    public NumericThresholds build() {
        Comparison[] ops = Comparison.values();
        BigDecimal[][] sortedThresholds = new BigDecimal[ops.length][];
        int[][] payloads = new int[ops.length][];
        for (Comparison op : ops) {
            List<Threshold> sorted = new ArrayList<>(thresholds.get(op));
            sorted.sort(NUMERIC_ORDER);
            List<Threshold> distinct = new ArrayList<>(sorted.size());
            for (Threshold threshold : sorted) {
                if (distinct.isEmpty()
                        || NUMERIC_ORDER.compare(distinct.get(distinct.size() - 1), threshold) != 0) {
                    distinct.add(threshold);
                }
            }
            sortedThresholds[op.ordinal()] = new BigDecimal[distinct.size()];
            payloads[op.ordinal()] = new int[distinct.size()];
            for (int i = 0; i < distinct.size(); i++) {
                sortedThresholds[op.ordinal()][i] = distinct.get(i).value();
                payloads[op.ordinal()][i] = distinct.get(i).payload();
            }
        }
        return new NumericThresholds(sortedThresholds, payloads);
    }
}
