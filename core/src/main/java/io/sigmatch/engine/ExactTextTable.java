package io.sigmatch.engine;

import io.sigmatch.value.CaseFold;
import java.util.List;
import java.util.Map;

/**
 * Text equality: an open-addressing hash table from key text to predicate numbers, looked up with
 * any {@link CharSequence} (a folded value in a reused buffer) without building a String.
 * Lookup: O(length of the value) for the hash and one comparison per probe.
 */
final class ExactTextTable {
  private final String[] keys;
  private final int[][] payloads;
  private final int mask;
  /** Longer values cannot equal a key, so they skip hashing: event values are often long. */
  private final int maxKeyLength;

  ExactTextTable(Map<String, List<Integer>> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    keys = new String[capacity];
    payloads = new int[capacity][];
    mask = capacity - 1;
    maxKeyLength = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, List<Integer>> e : entries.entrySet()) {
      int slot = e.getKey().hashCode() & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = e.getKey();
      payloads[slot] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** The predicates whose key equals {@code text}, or {@code null}. */
  int[] get(CharSequence text) {
    int n = text.length();
    if (n > maxKeyLength) {
      return null;
    }
    int h = 0;
    for (int i = 0; i < n; i++) {
      h = 31 * h + text.charAt(i);
    }
    for (int slot = h & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (equal(keys[slot], text)) {
        return payloads[slot];
      }
    }
    return null;
  }

  /**
   * As {@link #get} on the case fold of {@code value}, for a table of folded keys, folding ASCII
   * chars as it hashes and compares them; {@link #NOT_ASCII} when the value has a char above 0x7F,
   * which the caller must fold first. A fold never has fewer chars than its text, so a value
   * longer than every key cannot fold to one.
   */
  int[] getFoldingAscii(String value) {
    int n = value.length();
    if (n > maxKeyLength) {
      return null;
    }
    int h = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        return NOT_ASCII;
      }
      h = 31 * h + CaseFold.foldAscii(c);
    }
    for (int slot = h & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (equalFoldingAscii(keys[slot], value)) {
        return payloads[slot];
      }
    }
    return null;
  }

  /** What {@link #getFoldingAscii} answers for a value that must be folded first. */
  static final int[] NOT_ASCII = new int[0];

  private static boolean equalFoldingAscii(String key, String asciiValue) {
    int n = key.length();
    if (n != asciiValue.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = asciiValue.charAt(i);
      if (key.charAt(i) != CaseFold.foldAscii(c)) {
        return false;
      }
    }
    return true;
  }

  int size() {
    int n = 0;
    for (String k : keys) {
      if (k != null) {
        n++;
      }
    }
    return n;
  }

  private static boolean equal(String key, CharSequence text) {
    int n = key.length();
    if (n != text.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (key.charAt(i) != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
