package io.sigmatch.value;

import java.math.BigDecimal;

/**
 * A numeric comparison of an event value with a rule threshold ({@code value op threshold}).
 *
 * <pre>{@code
 * Comparison.GT.holds(new BigDecimal("101"), new BigDecimal("100"))  // true
 * }</pre>
 */
public enum Comparison {
  EQ, GT, GTE, LT, LTE;

  /** The modifier name ({@code gt}, …); {@code EQ} has none and says {@code eq}. */
  public String modifier() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether {@code value op threshold} holds, compared exactly ({@code 0.30 == 0.3}). */
  public boolean holds(BigDecimal value, BigDecimal threshold) {
    return holdsForSign(value.compareTo(threshold));
  }

  /** Whether it holds for a value whose comparison with the threshold gave {@code c} (as {@code compareTo}). */
  public boolean holdsForSign(int c) {
    return switch (this) {
      case EQ -> c == 0;
      case GT -> c > 0;
      case GTE -> c >= 0;
      case LT -> c < 0;
      case LTE -> c <= 0;
    };
  }
}
