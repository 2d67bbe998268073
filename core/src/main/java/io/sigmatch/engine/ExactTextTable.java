package io.sigmatch.engine;

import io.sigmatch.value.CaseFold;
import java.util.List;
import java.util.Map;

/**
 * Text equality: an open-addressing hash table from key text to predicate numbers, looked up with
 * any {@link CharSequence} (a folded value in a reused buffer) without building a String.
 * Lookup: O(length of the value) for the hash and one comparison per probe; O(1) for a value
 * whose length no key has.
 *
 * <p>The hash ignores ASCII case (it reads {@code c | 0x20}), so one hash serves a folded value
 * and the value as read: chars that differ only there, such as {@code \} and {@code |}, share
 * a slot chain and the comparison tells them apart.
 */
final class ExactTextTable {
  private static final int P2 = 31 * 31;
  private static final int P3 = P2 * 31;
  private static final int P4 = P3 * 31;

  private final String[] keys;
  private final int[][] payloads;
  private final int mask;
  /** Whether some key has length n, at index n: most values that miss are ruled out before hashing. */
  private final boolean[] keyLengths;
  /**
   * The keys, when there are at most {@value #FEW}, with their payloads in {@link #fewPayloads}:
   * comparing a value with one or two keys costs less than hashing it (routing tables of small
   * rule sets, {@code 'true'}).
   */
  private final String[] fewKeys;
  private final int[][] fewPayloads;
  private static final int FEW = 2;

  ExactTextTable(Map<String, List<Integer>> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    keys = new String[capacity];
    payloads = new int[capacity][];
    mask = capacity - 1;
    keyLengths = new boolean[entries.keySet().stream().mapToInt(String::length).max().orElse(0) + 1];
    boolean few = entries.size() <= FEW;
    fewKeys = few ? new String[entries.size()] : null;
    fewPayloads = few ? new int[entries.size()][] : null;
    int k = 0;
    for (Map.Entry<String, List<Integer>> e : entries.entrySet()) {
      keyLengths[e.getKey().length()] = true;
      int[] payload = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      int slot = hash(e.getKey()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = e.getKey();
      payloads[slot] = payload;
      if (few) {
        fewKeys[k] = e.getKey();
        fewPayloads[k++] = payload;
      }
    }
  }

  private static int hash(CharSequence text) {
    return (int) hashAndChars(text);
  }

  /**
   * The polynomial hash of {@code text} with bit 0x20 of each char set (low 32 bits), and all its
   * chars ORed together (high bits), so a caller learns in the same pass whether it is ASCII. Four
   * chars a step: the four products do not wait for each other, where a plain loop waits a
   * multiply per char.
   */
  private static long hashAndChars(CharSequence text) {
    int n = text.length();
    int h = 0;
    int seen = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      char c0 = text.charAt(i);
      char c1 = text.charAt(i + 1);
      char c2 = text.charAt(i + 2);
      char c3 = text.charAt(i + 3);
      seen |= c0 | c1 | c2 | c3;
      h = P4 * h + (P3 * (c0 | 0x20) + P2 * (c1 | 0x20)) + (31 * (c2 | 0x20) + (c3 | 0x20));
    }
    for (; i < n; i++) {
      char c = text.charAt(i);
      seen |= c;
      h = 31 * h + (c | 0x20);
    }
    return (long) seen << 32 | (h & 0xFFFF_FFFFL);
  }

  /** The predicates whose key equals {@code text}, or {@code null}. */
  int[] get(CharSequence text) {
    int n = text.length();
    if (n >= keyLengths.length || !keyLengths[n]) {
      return null;
    }
    for (int slot = hash(text) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (equal(keys[slot], text)) {
        return payloads[slot];
      }
    }
    return null;
  }

  /**
   * As {@link #get} on the case fold of {@code value}, for a table of folded keys, folding ASCII
   * chars as it compares them; {@link #NOT_ASCII} when the value has a char above 0x7F, which the
   * caller must fold first. A fold never has fewer chars than its text, so a value longer than
   * every key cannot fold to one; an ASCII value folds to as many chars.
   */
  int[] getFoldingAscii(String value) {
    int n = value.length();
    if (n >= keyLengths.length) {
      return null;
    }
    if (!keyLengths[n]) {
      return isAscii(value) ? null : NOT_ASCII;
    }
    if (fewKeys != null) {
      return compareFoldingAscii(value);
    }
    long hashAndChars = hashAndChars(value);
    if (hashAndChars >>> 32 >= 0x80) {
      return NOT_ASCII;
    }
    for (int slot = (int) hashAndChars & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (equalFoldingAscii(keys[slot], value)) {
        return payloads[slot];
      }
    }
    return null;
  }

  /** {@link #getFoldingAscii} by comparing the value with each of the few keys. */
  private int[] compareFoldingAscii(String value) {
    for (int k = 0; k < fewKeys.length; k++) {
      if (equalFoldingAscii(fewKeys[k], value)) {
        // The comparison took a char above 0x7F as is, which only an ASCII value rules out.
        return isAscii(value) ? fewPayloads[k] : NOT_ASCII;
      }
    }
    return isAscii(value) ? null : NOT_ASCII;
  }

  /** What {@link #getFoldingAscii} answers for a value that must be folded first. */
  static final int[] NOT_ASCII = new int[0];

  private static boolean isAscii(String value) {
    int seen = 0;
    for (int i = 0, n = value.length(); i < n; i++) {
      seen |= value.charAt(i);
    }
    return seen < 0x80;
  }

  private static boolean equalFoldingAscii(String key, String asciiValue) {
    int n = key.length();
    if (n != asciiValue.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = asciiValue.charAt(i);
      char k = key.charAt(i);
      if (k != c && k != CaseFold.foldAscii(c)) {
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
