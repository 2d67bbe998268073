package io.sigmatch.index;

/** How a value must compare with a threshold, read as {@code value op threshold}. */
public enum Comparison {
    /** {@code value > threshold}. */
    GT,
    /** {@code value >= threshold}. */
    GTE,
    /** {@code value < threshold}. */
    LT,
    /** {@code value <= threshold}. */
    LTE
}
