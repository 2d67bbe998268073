package io.sigmatch.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numeric equality: integral keys in an open-addressing table of primitive longs (no boxing on
 * lookup), other keys in a map by canonical decimal. Values arrive as a long when the event holds
 * an integer or plain digits, else as a {@link BigDecimal}.
 */
final class NumberTable {
  private final long[] keys;
  private final int[][] payloads;
  private final boolean[] used;
  private final int mask;
  private final Map<BigDecimal, int[]> decimals = new HashMap<>();
  private final int size;

  NumberTable(Map<BigDecimal, List<Integer>> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    keys = new long[capacity];
    payloads = new int[capacity][];
    used = new boolean[capacity];
    mask = capacity - 1;
    for (Map.Entry<BigDecimal, List<Integer>> e : entries.entrySet()) {
      int[] preds = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      Long integral = integral(e.getKey());
      if (integral == null) {
        decimals.put(e.getKey(), preds);
        continue;
      }
      int slot = hash(integral) & mask;
      while (used[slot]) {
        slot = (slot + 1) & mask;
      }
      used[slot] = true;
      keys[slot] = integral;
      payloads[slot] = preds;
    }
    size = entries.size();
  }

  int size() {
    return size;
  }

  /** Predicates equal to the integer {@code v}, or {@code null}. */
  int[] get(long v) {
    for (int slot = hash(v) & mask; used[slot]; slot = (slot + 1) & mask) {
      if (keys[slot] == v) {
        return payloads[slot];
      }
    }
    return null;
  }

  /** Predicates equal to {@code v}, or {@code null}. */
  int[] get(BigDecimal v) {
    BigDecimal canonical = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    Long integral = integral(canonical);
    return integral != null ? get(integral.longValue()) : decimals.get(canonical);
  }

  private static Long integral(BigDecimal canonical) {
    if (canonical.scale() > 0) {
      return null;
    }
    try {
      return canonical.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static int hash(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
