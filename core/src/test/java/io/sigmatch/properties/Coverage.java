package io.sigmatch.properties;

import net.jqwik.api.statistics.Statistics;

/** Coverage checks that only apply when a property runs enough tries for a share to mean something. */
final class Coverage {
  private Coverage() {}

  /** Tries per property as configured (the surefire default; 1000 when unset). */
  static final int TRIES = Integer.getInteger("jqwik.tries.default", 1000);

  /** Fails the property unless at least {@code percent}% of the values collected under {@code label} are {@code value}. */
  static void atLeast(String label, Object value, double percent) {
    if (TRIES >= 100) {
      Statistics.label(label).coverage(cov -> cov.check(value).percentage(p -> p >= percent));
    }
  }
}
